import { MICROS_PER_CENT, type Micros } from './micros';
import { ok, type Result } from '@subledger/kernel';
import { type ParseRefusal, refused } from './parse-refusal';

export type CentsRefusalReason = 'not_a_number' | 'not_an_integer' | 'negative' | 'unsafe_integer';

export type CentsParseResult = Result<number, ParseRefusal<CentsRefusalReason>>;

/** Reads an amount of cents from API input: a JSON number that is a safe, non-negative integer. */
export function parseCents(value: unknown): CentsParseResult {
  return parseCentsWithSign(value, false);
}

/** Like parseCents, but for signed corrections (adjustments), where a negative amount is meaningful. */
export function parseSignedCents(value: unknown): CentsParseResult {
  return parseCentsWithSign(value, true);
}

function parseCentsWithSign(value: unknown, allowNegative: boolean): CentsParseResult {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return refused('not_a_number', 'must be a number of cents');
  }
  if (!Number.isInteger(value)) {
    return refused('not_an_integer', 'must be a whole number of cents');
  }
  if (value < 0 && !allowNegative) {
    return refused('negative', 'must not be negative');
  }
  if (!Number.isSafeInteger(value)) {
    return refused('unsafe_integer', `must be at most ${Number.MAX_SAFE_INTEGER} in magnitude`);
  }
  // Normalises -0 to 0 so that it never leaks into stored amounts.
  return ok(value === 0 ? 0 : value);
}

/** Converts whole cents to micros exactly. A non-integer or unsafe number is a programming error. */
export function centsToMicros(cents: number | bigint): Micros {
  if (typeof cents === 'number' && !Number.isSafeInteger(cents)) {
    throw new RangeError(`cents must be a safe integer, got ${cents}`);
  }
  return BigInt(cents) * MICROS_PER_CENT;
}
