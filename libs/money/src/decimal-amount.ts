import { MICROS_PER_UNIT, type Micros } from './micros';

// Below 10^15 micros a decimal has at most 15 significant digits, which a double always
// reproduces exactly when printed back (so JSON shows exactly "0.0075", never 0.007499999...).
const EXACT_NUMBER_LIMIT: Micros = 1_000_000_000_000_000n;

/** The amount in major units as an exact decimal string: 7_500n -> "0.0075", -1_000_000n -> "-1". */
export function microsToDecimalString(micros: Micros): string {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  const whole = magnitude / MICROS_PER_UNIT;
  const fraction = (magnitude % MICROS_PER_UNIT).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * The amount in major units as a JSON number, for the message `cost` and `costTotal` fields.
 * Built from the exact decimal string, never by float arithmetic on micros; refuses amounts of
 * 10^9 units or more, where a double could no longer print the same digits back.
 */
export function microsToDecimalNumber(micros: Micros): number {
  const magnitude = micros < 0n ? -micros : micros;
  if (magnitude >= EXACT_NUMBER_LIMIT) {
    throw new RangeError(`${micros} micros cannot be represented exactly as a decimal JSON number`);
  }
  const asNumber = Number(microsToDecimalString(micros));
  return asNumber === 0 ? 0 : asNumber;
}
