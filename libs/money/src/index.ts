export { MICROS_PER_CENT, MICROS_PER_UNIT, type Micros } from './micros';
export type { ParseRefusal } from './parse-refusal';
export { ceilDiv, floorDiv } from './bigint-division';
export {
  centsToMicros,
  parseCents,
  parseSignedCents,
  type CentsParseResult,
  type CentsRefusalReason,
} from './cents-input';
export { toCentsCeil, toCentsExact, toCentsFloor } from './cents-output';
export { balanceCents, costCents, creditLimitCents, spentCents } from './zavu-cents';
export { microsToDecimalNumber, microsToDecimalString } from './decimal-amount';
export { parseMicros, type MicrosParseResult, type MicrosRefusalReason } from './micros-input';
export { DEFAULT_CURRENCY, parseCurrencyCode, type CurrencyCode, type CurrencyRefusalReason } from './currency';
