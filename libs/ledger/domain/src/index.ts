export { decide } from './decide';
export { evolve } from './evolve';
export { replay } from './replay';
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
export type * from './ledger-outcome';
export { chargeRefusalReason } from './charge-message';
export { MAX_MICROS } from './amount-rules';
