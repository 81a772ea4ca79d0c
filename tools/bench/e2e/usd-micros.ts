// 1 USD = 10^6 micros (MICROS_PER_UNIT of @subledger/money).
const MICRO_DIGITS = 6;
const JSON_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact micros of a USD amount written as a JSON number (`0.0079` is 7,900; `1e-7`, a fraction
 * of a micro, is refused). Read from the text, never through a double, so that sums stay exact.
 */
export function usdTextToMicros(text: string): bigint {
  const match = JSON_NUMBER.exec(text.trim());
  if (!match) throw new RangeError(`${JSON.stringify(text)} is not a JSON number`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${whole}${fraction}`);
  // The digits are an integer; this is the power of ten that makes them micros.
  const shift = Number(exponent) - fraction.length + MICRO_DIGITS;
  const micros = shift >= 0 ? digits * 10n ** BigInt(shift) : wholeQuotient(digits, 10n ** BigInt(-shift), text);
  return sign === '-' ? -micros : micros;
}

function wholeQuotient(digits: bigint, divisor: bigint, text: string): bigint {
  if (digits % divisor !== 0n) throw new RangeError(`${text} is not a whole number of micros`);
  return digits / divisor;
}
