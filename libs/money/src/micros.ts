/**
 * An amount of money in millionths of the currency's major unit (1 USD = 1_000_000 micros).
 * Held as bigint so that sums of any size stay exact.
 */
export type Micros = bigint;

export const MICROS_PER_UNIT: Micros = 1_000_000n;

export const MICROS_PER_CENT: Micros = 10_000n;
