import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import type {
  Adjust,
  BalanceAdjusted,
  ChargeAccepted,
  ChargeMessage,
  ChargeRefusalReason,
  ChargeRefunded,
  ChargeRefused,
  OpenTeam,
  RefundCharge,
  SetSpendPolicy,
  SpendPolicySet,
  SpendStatus,
  TeamOpened,
  TopUp,
  TopUpRecorded,
} from '@subledger/contracts';
import type { CurrencyCode, Micros } from '@subledger/money';

// Builders for tests: each command next to the event it produces when accepted, with one time.
export const TEAM = 'team-1';
export const AT = 1_767_225_600_000;
const v = LEDGER_EVENT_SCHEMA_VERSION;

export const openTeam = (currency: CurrencyCode = 'usd', teamId = TEAM): OpenTeam => ({
  type: 'OpenTeam',
  teamId,
  currency,
  at: AT,
});
export const teamOpened = (currency: CurrencyCode = 'usd', teamId = TEAM): TeamOpened => ({
  type: 'TeamOpened',
  schemaVersion: v,
  teamId,
  currency,
  at: AT,
});

export const topUp = (topUpId: string, amount: Micros, reference?: string): TopUp => ({
  type: 'TopUp',
  teamId: TEAM,
  topUpId,
  amount,
  ...(reference === undefined ? {} : { reference }),
  at: AT,
});
export const toppedUp = (topUpId: string, amount: Micros, reference?: string): TopUpRecorded => ({
  type: 'TopUpRecorded',
  schemaVersion: v,
  topUpId,
  amount,
  ...(reference === undefined ? {} : { reference }),
  at: AT,
});

export const adjust = (adjustmentId: string, amount: Micros, reason = 'correction'): Adjust => ({
  type: 'Adjust',
  teamId: TEAM,
  adjustmentId,
  amount,
  reason,
  at: AT,
});
export const adjusted = (adjustmentId: string, amount: Micros, reason = 'correction'): BalanceAdjusted => ({
  type: 'BalanceAdjusted',
  schemaVersion: v,
  adjustmentId,
  amount,
  reason,
  at: AT,
});

export const setPolicy = (
  accountId: string,
  creditLimit: Micros | null,
  status: SpendStatus = 'active',
): SetSpendPolicy => ({
  type: 'SetSpendPolicy',
  teamId: TEAM,
  accountId,
  creditLimit,
  status,
  at: AT,
});
export const policySet = (
  accountId: string,
  creditLimit: Micros | null,
  status: SpendStatus = 'active',
): SpendPolicySet => ({
  type: 'SpendPolicySet',
  schemaVersion: v,
  accountId,
  creditLimit,
  status,
  at: AT,
});

export const charge = (chargeId: string, accountId: string, amount: Micros, messageId?: string): ChargeMessage => ({
  type: 'ChargeMessage',
  teamId: TEAM,
  chargeId,
  accountId,
  amount,
  ...(messageId === undefined ? {} : { messageId }),
  at: AT,
});
export const chargeAccepted = (
  chargeId: string,
  accountId: string,
  amount: Micros,
  messageId?: string,
): ChargeAccepted => ({
  type: 'ChargeAccepted',
  schemaVersion: v,
  chargeId,
  accountId,
  amount,
  ...(messageId === undefined ? {} : { messageId }),
  at: AT,
});

export interface RefusalNumbers {
  readonly creditLimit: Micros | null;
  readonly totalSpent: Micros;
  readonly balance: Micros;
}

export const chargeRefused = (
  chargeId: string,
  accountId: string,
  amount: Micros,
  reason: ChargeRefusalReason,
  numbers: RefusalNumbers,
): ChargeRefused => ({
  type: 'ChargeRefused',
  schemaVersion: v,
  chargeId,
  accountId,
  amount,
  reason,
  ...numbers,
  at: AT,
});

export const refund = (chargeId: string, reason = 'message_failed', refundId?: string): RefundCharge => ({
  type: 'RefundCharge',
  teamId: TEAM,
  chargeId,
  ...(refundId === undefined ? {} : { refundId }),
  reason,
  at: AT,
});
export const chargeRefunded = (
  chargeId: string,
  accountId: string,
  amount: Micros,
  reason = 'message_failed',
  refundId?: string,
): ChargeRefunded => ({
  type: 'ChargeRefunded',
  schemaVersion: v,
  chargeId,
  accountId,
  amount,
  ...(refundId === undefined ? {} : { refundId }),
  reason,
  at: AT,
});
