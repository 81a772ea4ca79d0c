import type { AccountKind, ViolationReason } from '@subledger/contracts';
import { centsToMicros, type CentsRefusalReason, type Micros, MICROS_PER_CENT, parseCents } from '@subledger/money';
import { ok } from '@subledger/kernel';
import { Validated, violation } from './validated';

export const MAX_CREDIT_LIMIT_CENTS = 1_000_000_000_000;
const MAX_CREDIT_LIMIT_MICROS = centsToMicros(MAX_CREDIT_LIMIT_CENTS);

const centsViolation: Record<CentsRefusalReason, ViolationReason> = {
  not_a_number: 'not_a_number',
  not_an_integer: 'not_an_integer',
  negative: 'negative',
  unsafe_integer: 'too_large',
};

/**
 * A credit limit as the API sends it: integer cents from 0 to 10^12, where 0, `null` or absent
 * mean no limit. Returns micros, or `null` for no limit.
 */
export function creditLimitFromCents(value: unknown, field = 'creditLimit'): Validated<Micros | null> {
  if (value === undefined || value === null) return ok(null);
  const cents = parseCents(value);
  if (!cents.ok) return violation(field, centsViolation[cents.error.reason]);
  if (cents.value > MAX_CREDIT_LIMIT_CENTS) return violation(field, 'too_large');
  return ok(cents.value === 0 ? null : centsToMicros(cents.value));
}

/** The same rule on micros, as commands carry them: whole cents, at most 10^12 cents, 0 meaning none. */
export function validateCreditLimit(micros: unknown, field = 'creditLimit'): Validated<Micros | null> {
  if (micros === undefined || micros === null || micros === 0n) return ok(null);
  if (typeof micros !== 'bigint') return violation(field, 'not_an_integer');
  if (micros < 0n) return violation(field, 'negative');
  if (micros > MAX_CREDIT_LIMIT_MICROS) return violation(field, 'too_large');
  if (micros % MICROS_PER_CENT !== 0n) return violation(field, 'not_whole_cents');
  return ok(micros);
}

/** Only sub-accounts carry a spending cap: the main account spends the team balance directly. */
export function validateCreditLimitOf(
  kind: AccountKind,
  micros: unknown,
  field = 'creditLimit',
): Validated<Micros | null> {
  const checked = validateCreditLimit(micros, field);
  return kind === 'main' && checked.ok && checked.value !== null ? violation(field, 'not_allowed') : checked;
}
