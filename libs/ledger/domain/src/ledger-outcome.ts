import type { LedgerEvent, LedgerOutcome } from '@subledger/contracts';

// The outcome types live in the contracts, so that callers of the ledger read them without
// importing its domain; they are re-exported here so the domain keeps one place to take them from.
export type {
  BalanceAdjustedOutcome,
  ChargeAcceptedOutcome,
  ChargeRefundedOutcome,
  ChargeRefusedOutcome,
  CommandRefused,
  LedgerOutcome,
  LedgerRefusal,
  LedgerRefusalReason,
  SpendPolicySetOutcome,
  TeamOpenedOutcome,
  TopUpRecordedOutcome,
} from '@subledger/contracts';

/** What decide returns: the events to append (possibly none) and the answer for the caller. */
export interface Decision {
  readonly events: LedgerEvent[];
  readonly outcome: LedgerOutcome;
}
