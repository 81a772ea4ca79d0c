import { ok } from '@subledger/kernel';
import { characterCount, Validated, violation } from './validated';

export const MAX_NAME_LENGTH = 200;

/**
 * A project, team or API key name: 1 to 200 characters. A name of only white space is refused
 * because it shows as nothing in every listing.
 */
export function validateName(value: unknown, field = 'name'): Validated<string> {
  if (value === undefined || value === null) return violation(field, 'required');
  if (typeof value !== 'string') return violation(field, 'not_a_string');
  if (value.length === 0) return violation(field, 'empty');
  if (value.trim().length === 0) return violation(field, 'blank');
  if (characterCount(value) > MAX_NAME_LENGTH) return violation(field, 'too_long');
  return ok(value);
}
