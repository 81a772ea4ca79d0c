import type { Micros } from '@subledger/money';

// Balances and spend are stored in SQL bigint columns: nothing may leave the signed 64-bit range.
export const MAX_MICROS: Micros = 2n ** 63n - 1n;

/** A charge, a top-up or a credit limit of more than zero and storable. */
export function isPositiveAmount(amount: Micros): boolean {
  return amount > 0n && amount <= MAX_MICROS;
}

/** An adjustment: either sign, never zero. */
export function isNonZeroAmount(amount: Micros): boolean {
  return amount !== 0n && amount >= -MAX_MICROS && amount <= MAX_MICROS;
}

export function overflowsBalance(balance: Micros, amount: Micros): boolean {
  return balance + amount > MAX_MICROS;
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
