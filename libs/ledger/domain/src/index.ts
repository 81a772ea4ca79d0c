export { decide } from './decide';
export { evolve } from './evolve';
export { replay } from './replay';
export { ledgerDecider } from './ledger-decider';
export {
  initialState,
  cloneLedgerState,
  accountSpendOf,
  DEFAULT_ACCOUNT_SPEND,
  type LedgerState,
  type LedgerView,
  type TeamIdentity,
  type AccountSpend,
  type ChargeRecord,
  type ChargeStanding,
  type TopUpRecord,
  type AdjustmentRecord,
} from './ledger-state';
export {
  recordNamedBy,
  holdsRecord,
  recallRecords,
  forgetOldRecords,
  type RecordRef,
  type RecordLimits,
} from './record-memory';
export { recordedOutcome, numbersAfter, type NumbersAfter } from './recorded-outcome';
export type * from './ledger-outcome';
export { chargeRefusalReason } from './charge-message';
export { MAX_MICROS } from './amount-rules';
