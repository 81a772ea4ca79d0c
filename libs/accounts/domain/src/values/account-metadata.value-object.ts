import {
  type AccountMetadata,
  type AccountMetadataValue,
  type FieldViolation,
  isPlainObject,
  type ViolationReason,
} from '@subledger/contracts';
import { err, ok } from '@subledger/kernel';
import { characterCount, Validated, violation } from './validated';

export const MAX_METADATA_KEYS = 50;
export const MAX_METADATA_VALUE_LENGTH = 500;
export const MAX_METADATA_BYTES = 8 * 1024;

/**
 * A plain JSON object of at most 50 keys whose values are JSON scalars (string, number, boolean or
 * null) of up to 500 characters each, at most 8 KiB once serialised as UTF-8 JSON. A string's
 * length is its own characters (so a 500-character text fits, quotes not counted); any other
 * scalar's length is its JSON text (`12.5` is 4). Nested objects and arrays are refused
 * (`not_allowed`): the spec bounds values by length, which only a scalar has. Absent or `null`
 * means no metadata.
 */
export function validateMetadata(value: unknown, field = 'metadata'): Validated<AccountMetadata | null> {
  if (value === undefined || value === null) return ok(null);
  if (!isPlainObject(value)) return violation(field, 'not_an_object');
  const entries = Object.entries(value);
  const violations: FieldViolation[] = [];
  if (entries.length > MAX_METADATA_KEYS) violations.push({ field, reason: 'too_many_keys' });
  for (const [key, item] of entries) {
    const reason = valueViolation(item);
    if (reason) violations.push({ field: `${field}.${key}`, reason });
  }
  // Sized over the scalar values only, which JSON.stringify can never choke on (a bigint or a
  // cycle would throw); any other value is refused above anyway.
  const scalars = entries.filter(([, item]) => isScalar(item));
  if (utf8Length(JSON.stringify(Object.fromEntries(scalars))) > MAX_METADATA_BYTES) {
    violations.push({ field, reason: 'too_large' });
  }
  if (violations.length > 0) return err(violations);
  // Rebuilt from own entries so that a `__proto__` key stays a plain key and never a prototype.
  return ok(Object.fromEntries(entries) as AccountMetadata);
}

function isScalar(item: unknown): item is AccountMetadataValue {
  if (typeof item === 'number') return Number.isFinite(item);
  return item === null || typeof item === 'string' || typeof item === 'boolean';
}

function valueViolation(item: unknown): ViolationReason | null {
  if (!isScalar(item)) return 'not_allowed';
  const length = typeof item === 'string' ? characterCount(item) : JSON.stringify(item).length;
  return length > MAX_METADATA_VALUE_LENGTH ? 'too_long' : null;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}
