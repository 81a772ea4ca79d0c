import { toCentsCeil, toCentsExact, toCentsFloor } from './cents-output';
import type { Micros } from './micros';

// The Zavu-compatible fields are integer cents; each rounds in the direction that never flatters
// the customer: they are never shown more money than they have, nor less spend than they made.

/** `balance`: rounds down. */
export function balanceCents(micros: Micros): number {
  return toCentsFloor(micros);
}

/** `totalSpent`: rounds up. */
export function spentCents(micros: Micros): number {
  return toCentsCeil(micros);
}

/** A message cost quoted in cents (refusal details): rounds up, like the spend it would add. */
export function costCents(micros: Micros): number {
  return toCentsCeil(micros);
}

/**
 * `creditLimit`: exact. Limits are only ever set from whole cents, so a fractional limit means a
 * corrupted state, which must surface rather than be rounded away.
 */
export function creditLimitCents(micros: Micros): number {
  return toCentsExact(micros);
}
