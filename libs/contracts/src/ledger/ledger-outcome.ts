import type { CurrencyCode, Micros } from '@subledger/money';
import type { ChargeRefusalReason, SpendStatus } from './ledger-event';

/**
 * The named result of a command. `replayed: true` marks a retry of a command already decided:
 * its verdict is the original one, while the balance and totalSpent it reports are today's,
 * because keeping per-charge snapshots would multiply the memory of a team.
 */
export type LedgerOutcome =
  | TeamOpenedOutcome
  | TopUpRecordedOutcome
  | BalanceAdjustedOutcome
  | SpendPolicySetOutcome
  | ChargeAcceptedOutcome
  | ChargeRefusedOutcome
  | ChargeRefundedOutcome
  | CommandRefused;

export interface TeamOpenedOutcome {
  readonly type: 'team_opened';
  readonly teamId: string;
  readonly currency: CurrencyCode;
  readonly replayed: boolean;
}

export interface TopUpRecordedOutcome {
  readonly type: 'top_up_recorded';
  readonly topUpId: string;
  readonly amount: Micros;
  readonly balance: Micros;
  readonly replayed: boolean;
}

export interface BalanceAdjustedOutcome {
  readonly type: 'balance_adjusted';
  readonly adjustmentId: string;
  readonly amount: Micros;
  readonly balance: Micros;
  readonly replayed: boolean;
}

/** `replayed: true` when the account already had exactly this policy and nothing was recorded. */
export interface SpendPolicySetOutcome {
  readonly type: 'spend_policy_set';
  readonly accountId: string;
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
  readonly totalSpent: Micros;
  readonly replayed: boolean;
}

export interface ChargeAcceptedOutcome {
  readonly type: 'charge_accepted';
  readonly chargeId: string;
  readonly accountId: string;
  readonly amount: Micros;
  readonly balance: Micros;
  readonly totalSpent: Micros;
  readonly replayed: boolean;
}

/** A refused charge: unlike `refused`, it is recorded on the stream as a ChargeRefused event. */
export interface ChargeRefusedOutcome {
  readonly type: 'charge_refused';
  readonly chargeId: string;
  readonly accountId: string;
  readonly amount: Micros;
  readonly reason: ChargeRefusalReason;
  readonly creditLimit: Micros | null;
  readonly totalSpent: Micros;
  readonly balance: Micros;
  readonly replayed: boolean;
}

export interface ChargeRefundedOutcome {
  readonly type: 'charge_refunded';
  readonly chargeId: string;
  readonly accountId: string;
  readonly amount: Micros;
  readonly balance: Micros;
  readonly totalSpent: Micros;
  readonly replayed: boolean;
}

/** A command the ledger would not act on; nothing is recorded. */
export interface CommandRefused {
  readonly type: 'refused';
  readonly refusal: LedgerRefusal;
}

export type LedgerRefusal =
  | { readonly reason: 'team_not_found'; readonly teamId: string }
  | { readonly reason: 'team_already_opened'; readonly teamId: string; readonly currency: CurrencyCode }
  | { readonly reason: 'invalid_currency'; readonly currency: string }
  | { readonly reason: 'invalid_amount'; readonly amount: Micros }
  | { readonly reason: 'invalid_credit_limit'; readonly creditLimit: Micros }
  | { readonly reason: 'invalid_reason' }
  | { readonly reason: 'balance_overflow'; readonly balance: Micros; readonly amount: Micros }
  | { readonly reason: 'insufficient_balance'; readonly balance: Micros; readonly amount: Micros }
  | { readonly reason: 'top_up_id_reused'; readonly topUpId: string }
  | { readonly reason: 'adjustment_id_reused'; readonly adjustmentId: string }
  | { readonly reason: 'charge_id_reused'; readonly chargeId: string }
  | { readonly reason: 'charge_not_found'; readonly chargeId: string }
  | { readonly reason: 'charge_not_refundable'; readonly chargeId: string; readonly refusedFor: ChargeRefusalReason };

export type LedgerRefusalReason = LedgerRefusal['reason'];
