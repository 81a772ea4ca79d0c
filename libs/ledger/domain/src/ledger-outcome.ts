import type { CommandRefused, LedgerEvent, LedgerOutcome, LedgerRefusal } from '@subledger/contracts';
import type { Decision } from '@subledger/kernel';

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

/** What the ledger answers when it acts on a command (the outcomes other than a refusal). */
export type LedgerAnswer = Exclude<LedgerOutcome, CommandRefused>;

/**
 * What decide returns: the events to append (possibly none) and the answer for the caller, a
 * refusal being `{ type: 'refused', refusal }` exactly as `CommandRefused` goes on the wire.
 */
export type LedgerDecision = Decision<LedgerEvent, LedgerAnswer, LedgerRefusal>;
