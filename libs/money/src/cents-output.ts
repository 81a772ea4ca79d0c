import { ceilDiv, floorDiv } from './bigint-division';
import { MICROS_PER_CENT, type Micros } from './micros';

/** Whole cents at or below the amount (toward negative infinity, not toward zero). */
export function toCentsFloor(micros: Micros): number {
  return toSafeNumber(floorDiv(micros, MICROS_PER_CENT));
}

/** Whole cents at or above the amount. */
export function toCentsCeil(micros: Micros): number {
  return toSafeNumber(ceilDiv(micros, MICROS_PER_CENT));
}

/** Whole cents of an amount that must already be whole cents; anything else is a broken invariant. */
export function toCentsExact(micros: Micros): number {
  if (micros % MICROS_PER_CENT !== 0n) {
    throw new RangeError(`${micros} micros is not a whole number of cents`);
  }
  return toSafeNumber(micros / MICROS_PER_CENT);
}

function toSafeNumber(cents: bigint): number {
  const asNumber = Number(cents);
  if (!Number.isSafeInteger(asNumber)) {
    throw new RangeError(`${cents} cents cannot be represented exactly as a JSON number`);
  }
  return asNumber;
}
