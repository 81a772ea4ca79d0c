import { type CurrencyCode, parseCurrencyCode } from '@subledger/money';
import { ok } from '@subledger/kernel';
import { Validated, violation } from './validated';

/** A team's currency: a three-letter ISO 4217 code, kept in lower case (`usd`). */
export function validateCurrency(value: unknown, field = 'currency'): Validated<CurrencyCode> {
  const currency = parseCurrencyCode(value);
  return currency.ok ? ok(currency.value) : violation(field, 'not_allowed');
}
