import { ok } from '@subledger/kernel';
import { type Micros, parseMicros } from '@subledger/money';
import { invalidField } from './decode-error';
import type { FieldCodec } from './field-codec';

// Amounts are micros written as decimal strings: JSON numbers lose precision past 2^53.
// SQL bigint columns hold signed 64-bit integers; anything wider could never be stored.
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL = /^-?(0|[1-9][0-9]{0,18})$/;

/** Micros in a signed 64-bit integer, written exactly one way (no sign on zero, no leading zeros). */
function int64Micros(accepts: (amount: Micros) => boolean, problem: string): FieldCodec<Micros> {
  return {
    optional: false,
    encode: (value) => value.toString(),
    decode: (value, path) => {
      if (typeof value !== 'string' || !DECIMAL.test(value) || value === '-0') {
        return invalidField(path, 'must be an integer amount of micros written as a decimal string');
      }
      const amount = BigInt(value);
      if (amount < INT64_MIN || amount > INT64_MAX) return invalidField(path, 'must fit in a signed 64-bit integer');
      return accepts(amount) ? ok(amount) : invalidField(path, problem);
    },
  };
}

/** Any amount: a command's amount travels whatever it is, since judging it is the ledger's decision. */
export const signedMicros = int64Micros(() => true, '');
export const positiveMicros = int64Micros((amount) => amount > 0n, 'must be greater than zero');
export const nonZeroMicros = int64Micros((amount) => amount !== 0n, 'must not be zero');
export const nonNegativeMicros = int64Micros((amount) => amount >= 0n, 'must not be negative');

/** Non-negative micros as the money library reads them (a decimal string or a safe-integer number), written as a decimal string. */
export const microsInput: FieldCodec<Micros> = {
  optional: false,
  encode: (value) => value.toString(),
  decode: (value, path) => {
    const amount = parseMicros(value);
    return amount.ok ? ok(amount.value) : invalidField(path, 'must be non-negative micros as a decimal string');
  },
};
