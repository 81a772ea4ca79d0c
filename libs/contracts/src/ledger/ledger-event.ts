import type { CurrencyCode, Micros } from '@subledger/money';

/** The version every ledger event is written with today; a new shape gets a new number. */
export const LEDGER_EVENT_SCHEMA_VERSION = 1 as const;

export type LedgerEventSchemaVersion = typeof LEDGER_EVENT_SCHEMA_VERSION;

/** Whether an account may spend; a suspended account keeps its balance and history. */
export type SpendStatus = 'active' | 'inactive';

export const SPEND_STATUSES: readonly SpendStatus[] = ['active', 'inactive'];

/** Why a charge was refused, in order of precedence: the first that applies is the one recorded. */
export type ChargeRefusalReason = 'account_inactive' | 'credit_limit_exceeded' | 'insufficient_balance';

export const CHARGE_REFUSAL_REASONS: readonly ChargeRefusalReason[] = [
  'account_inactive',
  'credit_limit_exceeded',
  'insufficient_balance',
];

/** Facts of a team's money, in the order they happened on the stream `team-<teamId>`. */
export type LedgerEvent =
  TeamOpened | TopUpRecorded | BalanceAdjusted | SpendPolicySet | ChargeAccepted | ChargeRefused | ChargeRefunded;

export type LedgerEventType = LedgerEvent['type'];

export interface TeamOpened {
  readonly type: 'TeamOpened';
  readonly schemaVersion: LedgerEventSchemaVersion;
  readonly teamId: string;
  readonly currency: CurrencyCode;
  readonly at: number;
}

export interface TopUpRecorded {
  readonly type: 'TopUpRecorded';
  readonly schemaVersion: LedgerEventSchemaVersion;
  readonly topUpId: string;
  readonly amount: Micros;
  readonly reference?: string;
  readonly at: number;
}

export interface BalanceAdjusted {
  readonly type: 'BalanceAdjusted';
  readonly schemaVersion: LedgerEventSchemaVersion;
  readonly adjustmentId: string;
  readonly amount: Micros;
  readonly reason: string;
  readonly at: number;
}

export interface SpendPolicySet {
  readonly type: 'SpendPolicySet';
  readonly schemaVersion: LedgerEventSchemaVersion;
  readonly accountId: string;
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
  readonly at: number;
}

export interface ChargeAccepted {
  readonly type: 'ChargeAccepted';
  readonly schemaVersion: LedgerEventSchemaVersion;
  readonly chargeId: string;
  readonly accountId: string;
  readonly amount: Micros;
  readonly messageId?: string;
  readonly at: number;
}

/**
 * A refused charge is recorded so operators see it in the ledger; it changes no balance.
 * The numbers are those the decision was made on.
 */
export interface ChargeRefused {
  readonly type: 'ChargeRefused';
  readonly schemaVersion: LedgerEventSchemaVersion;
  readonly chargeId: string;
  readonly accountId: string;
  readonly amount: Micros;
  readonly messageId?: string;
  readonly reason: ChargeRefusalReason;
  readonly creditLimit: Micros | null;
  readonly totalSpent: Micros;
  readonly balance: Micros;
  readonly at: number;
}

/** Carries the charge's account and amount so that projections need not look the charge up. */
export interface ChargeRefunded {
  readonly type: 'ChargeRefunded';
  readonly schemaVersion: LedgerEventSchemaVersion;
  readonly chargeId: string;
  readonly accountId: string;
  readonly amount: Micros;
  readonly refundId?: string;
  readonly reason: string;
  readonly at: number;
}
