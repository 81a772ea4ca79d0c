import type { Micros } from './micros';
import { ok, type Result } from '@subledger/kernel';
import { type ParseRefusal, refused } from './parse-refusal';

export type MicrosRefusalReason = 'not_an_amount' | 'negative' | 'unsafe_integer';

export type MicrosParseResult = Result<Micros, ParseRefusal<MicrosRefusalReason>>;

const DIGITS = /^(0|[1-9][0-9]*)$/;

/**
 * Reads a non-negative amount of micros from JSON (configuration, serialised events): either a
 * string of decimal digits, which may be of any size, or a safe integer number.
 */
export function parseMicros(value: unknown): MicrosParseResult {
  if (typeof value === 'string') {
    return readDigits(value);
  }
  if (typeof value === 'number') {
    return readNumber(value);
  }
  return refused('not_an_amount', 'must be a string of digits or an integer number of micros');
}

function readDigits(value: string): MicrosParseResult {
  if (value.startsWith('-') && DIGITS.test(value.slice(1))) {
    return refused('negative', 'must not be negative');
  }
  if (!DIGITS.test(value)) {
    return refused('not_an_amount', 'must be a string of decimal digits without sign, point or leading zeros');
  }
  return ok(BigInt(value));
}

function readNumber(value: number): MicrosParseResult {
  if (!Number.isInteger(value)) {
    return refused('not_an_amount', 'must be a whole number of micros');
  }
  if (value < 0) {
    return refused('negative', 'must not be negative');
  }
  if (!Number.isSafeInteger(value)) {
    return refused('unsafe_integer', 'must be written as a string when larger than 2^53 - 1');
  }
  return ok(BigInt(value));
}
