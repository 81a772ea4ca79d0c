import { ok } from '@subledger/kernel';
import { characterCount, Validated, violation } from './validated';

export const MAX_EXTERNAL_ID_LENGTH = 255;

/** The caller's own reference for a sub-account: absent or `null` means none, else 1 to 255 characters. */
export function validateExternalId(value: unknown, field = 'externalId'): Validated<string | null> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value !== 'string') return violation(field, 'not_a_string');
  if (value.length === 0) return violation(field, 'empty');
  if (value.trim().length === 0) return violation(field, 'blank');
  if (characterCount(value) > MAX_EXTERNAL_ID_LENGTH) return violation(field, 'too_long');
  return ok(value);
}
