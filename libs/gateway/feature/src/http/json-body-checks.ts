import { type FieldError, joinPath } from '../errors/field-error';

/** Deeper than any DTO of this API nests; deep enough to never refuse a real request. */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype machinery when assigned; no field of this API has them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_REPORTED = 100;

/**
 * Whether JSON text opens more than `maxDepth` arrays or objects inside each other. Checked on the
 * text, iteratively, before anything recursive (JSON.parse, class-transformer, class-validator,
 * fingerprints) walks a value 10,000 levels deep.
 */
export function exceedsNestingDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // a backslash escapes the next character, quotes included
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return false;
}

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether a string holds a NUL character or an unpaired UTF-16 surrogate. JSON may escape either
 * (`\u0000`, `\ud800`), but PostgreSQL `text` and `jsonb` hold neither, so a service would fail
 * on such a string after the gateway accepted the request (after the charge, for a message).
 */
export function isUnstorableText(text: string): boolean {
  return text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);
}

/**
 * Values of a parsed body that nothing downstream may see: prototype-reaching keys (a DTO
 * transformer assigning `__proto__` would replace the instance's prototype), numbers JSON.parse
 * could not hold exactly (beyond 2^53, or overflowing to Infinity), and keys or strings holding
 * text no service can store. Recursion is bounded by the depth check that runs first.
 */
export function findUnsafeJsonValues(value: unknown, path = '', found: FieldError[] = []): FieldError[] {
  if (found.length >= MAX_REPORTED) return found;
  if (typeof value === 'string') {
    if (isUnstorableText(value))
      found.push({ path, message: `${path || 'value'} must not contain NUL characters or unpaired surrogates` });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push({ path, message: `${path || 'value'} is out of range` });
    else if (Number.isInteger(value) && !Number.isSafeInteger(value))
      found.push({ path, message: `${path || 'value'} must be at most ${Number.MAX_SAFE_INTEGER} in magnitude` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeJsonValues(item, joinPath(path, String(index)), found));
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const keyPath = joinPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) found.push({ path: keyPath, message: `property ${key} is not allowed` });
      else if (isUnstorableText(key))
        found.push({ path: keyPath, message: 'property names must not contain NUL characters or unpaired surrogates' });
      else findUnsafeJsonValues((value as Record<string, unknown>)[key], keyPath, found);
    }
  }
  return found;
}
