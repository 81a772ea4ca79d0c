import { ok, type Result } from '@subledger/kernel';
import { type ParseRefusal, refused } from './parse-refusal';

/**
 * A lower-case ISO 4217 code ('usd'), as the Zavu API writes currencies. Amounts are micros of the
 * major unit and cents are hundredths of it, whatever the currency.
 */
export type CurrencyCode = Lowercase<string>;

export const DEFAULT_CURRENCY: CurrencyCode = 'usd';

export type CurrencyRefusalReason = 'not_a_currency_code';

const ISO_4217 = /^[A-Za-z]{3}$/;

/** Accepts a three-letter code in either case and returns it in lower case. */
export function parseCurrencyCode(value: unknown): Result<CurrencyCode, ParseRefusal<CurrencyRefusalReason>> {
  // Tested before lower-casing: some non-ASCII letters (the Kelvin sign) lower-case to ASCII.
  if (typeof value !== 'string' || !ISO_4217.test(value)) {
    return refused('not_a_currency_code', 'must be a three-letter ISO 4217 currency code such as "usd"');
  }
  return ok(value.toLowerCase() as CurrencyCode);
}
