import { ok } from '@subledger/kernel';
import { Validated, violation } from './validated';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a scheduled deletion can still be undone when the command does not say. */
export const DEFAULT_DELETION_RETENTION_MS = 14 * DAY_MS;

export function validateRetention(value: unknown, field = 'retentionMs'): Validated<number> {
  if (value === undefined) return ok(DEFAULT_DELETION_RETENTION_MS);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return violation(field, 'not_an_integer');
  return value > 0 ? ok(value) : violation(field, 'not_positive');
}
