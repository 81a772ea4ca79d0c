import type { ApiKeyEnvironment, FieldViolation } from '@subledger/contracts';
import { err, ok } from '@subledger/kernel';
import { characterCount, Validated, violation } from './validated';

export const API_KEY_PREFIX_LENGTH = 12;
export const MAX_PERMISSIONS = 50;
export const MAX_PERMISSION_LENGTH = 100;

export function validateEnvironment(value: unknown, field = 'environment'): Validated<ApiKeyEnvironment> {
  return value === 'live' || value === 'test' ? ok(value) : violation(field, 'not_allowed');
}

/**
 * Optional permission names, each 1 to 100 characters, at most 50 and without repeats. The spec
 * leaves them free-form; the bounds only keep a key's event small.
 */
export function validatePermissions(value: unknown, field = 'permissions'): Validated<readonly string[] | null> {
  if (value === undefined || value === null) return ok(null);
  if (!Array.isArray(value)) return violation(field, 'not_an_array');
  if (value.length > MAX_PERMISSIONS) return violation(field, 'too_many_items');
  const violations: FieldViolation[] = [];
  const seen = new Set<string>();
  for (const [index, item] of value.entries()) {
    const reason = permissionViolation(item, seen);
    if (reason) violations.push({ field: `${field}.${index}`, reason });
    if (typeof item === 'string') seen.add(item);
  }
  return violations.length > 0 ? err(violations) : ok([...value] as string[]);
}

function permissionViolation(item: unknown, seen: ReadonlySet<string>): FieldViolation['reason'] | null {
  if (typeof item !== 'string') return 'not_a_string';
  if (item.length === 0) return 'empty';
  if (characterCount(item) > MAX_PERMISSION_LENGTH) return 'too_long';
  return seen.has(item) ? 'duplicate' : null;
}

/** The first 12 characters of the raw key, shown in listings to tell keys apart. */
export function validateKeyPrefix(value: unknown, field = 'prefix'): Validated<string> {
  if (typeof value !== 'string') return violation(field, 'not_a_string');
  return value.length === API_KEY_PREFIX_LENGTH ? ok(value) : violation(field, 'wrong_length');
}

/** The digest the edge computed from the raw key; the raw key itself never reaches the domain. */
export function validateKeyDigest(value: unknown, field = 'digest'): Validated<string> {
  if (typeof value !== 'string') return violation(field, 'not_a_string');
  return value.length > 0 ? ok(value) : violation(field, 'empty');
}
