import type { CurrencyCode, Micros } from '@subledger/money';
import type { SpendStatus } from './ledger-event';

/**
 * Commands to a team's ledger. Every command names its team (the routing key of the ledger
 * command topic), carries the time it was issued as `at` (epoch milliseconds) and its own id,
 * so the ledger can answer a retry with the original outcome instead of acting twice.
 */
export type LedgerCommand = OpenTeam | TopUp | Adjust | SetSpendPolicy | ChargeMessage | RefundCharge;

export type LedgerCommandType = LedgerCommand['type'];

export interface OpenTeam {
  readonly type: 'OpenTeam';
  readonly teamId: string;
  readonly currency: CurrencyCode;
  readonly at: number;
}

export interface TopUp {
  readonly type: 'TopUp';
  readonly teamId: string;
  readonly topUpId: string;
  readonly amount: Micros;
  readonly reference?: string;
  readonly at: number;
}

/** A signed correction by an operator; the reason is kept for the financial record. */
export interface Adjust {
  readonly type: 'Adjust';
  readonly teamId: string;
  readonly adjustmentId: string;
  readonly amount: Micros;
  readonly reason: string;
  readonly at: number;
}

/** `creditLimit: null` means the account may spend without a cap. */
export interface SetSpendPolicy {
  readonly type: 'SetSpendPolicy';
  readonly teamId: string;
  readonly accountId: string;
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
  readonly at: number;
}

export interface ChargeMessage {
  readonly type: 'ChargeMessage';
  readonly teamId: string;
  readonly chargeId: string;
  readonly accountId: string;
  readonly amount: Micros;
  readonly messageId?: string;
  readonly at: number;
}

/** A charge is refunded at most once, so the charge id is the refund's idempotency key. */
export interface RefundCharge {
  readonly type: 'RefundCharge';
  readonly teamId: string;
  readonly chargeId: string;
  readonly refundId?: string;
  readonly reason: string;
  readonly at: number;
}
