import type { AccountMetadata, FieldViolation } from '@subledger/contracts';
import { characterCount, valid, Validated, violation } from './validated';

export const MAX_METADATA_KEYS = 50;
export const MAX_METADATA_VALUE_LENGTH = 500;
export const MAX_METADATA_BYTES = 8 * 1024;

/**
 * A plain JSON object of at most 50 keys whose values are strings of up to 500 characters, at most
 * 8 KiB once serialised as UTF-8 JSON. Values must be strings: the SDK types metadata as
 * `Record<string, string>`. Absent or `null` means no metadata.
 */
export function validateMetadata(value: unknown, field = 'metadata'): Validated<AccountMetadata | null> {
  if (value === undefined || value === null) return valid(null);
  if (!isPlainObject(value)) return violation(field, 'not_an_object');
  const entries = Object.entries(value);
  const violations: FieldViolation[] = [];
  if (entries.length > MAX_METADATA_KEYS) violations.push({ field, reason: 'too_many_keys' });
  for (const [key, item] of entries) {
    if (typeof item !== 'string') violations.push({ field: `${field}.${key}`, reason: 'not_a_string' });
    else if (characterCount(item) > MAX_METADATA_VALUE_LENGTH) violations.push({ field: `${field}.${key}`, reason: 'too_long' });
  }
  if (utf8Length(JSON.stringify(value)) > MAX_METADATA_BYTES) violations.push({ field, reason: 'too_large' });
  if (violations.length > 0) return { ok: false, violations };
  // Rebuilt from own entries so that a `__proto__` key stays a plain key and never a prototype.
  return valid(Object.fromEntries(entries) as AccountMetadata);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}
