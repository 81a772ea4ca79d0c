import type { Adjust, ChargeMessage, OpenTeam, RefundCharge, SetSpendPolicy, TopUp } from '@subledger/contracts';
import type { CurrencyCode, Micros } from '@subledger/money';

// Commands as the gateway and the accounts service send them, with one fixed time.
export const AT = Date.UTC(2026, 0, 1);

export const openTeam = (teamId: string, currency: CurrencyCode = 'usd'): OpenTeam => ({
  type: 'OpenTeam',
  teamId,
  currency,
  at: AT,
});

export const topUp = (teamId: string, topUpId: string, amount: Micros): TopUp => ({
  type: 'TopUp',
  teamId,
  topUpId,
  amount,
  at: AT,
});

export const adjust = (teamId: string, adjustmentId: string, amount: Micros, reason = 'correction'): Adjust => ({
  type: 'Adjust',
  teamId,
  adjustmentId,
  amount,
  reason,
  at: AT,
});

export const charge = (teamId: string, accountId: string, chargeId: string, amount: Micros): ChargeMessage => ({
  type: 'ChargeMessage',
  teamId,
  chargeId,
  accountId,
  amount,
  at: AT,
});

export const setPolicy = (
  teamId: string,
  accountId: string,
  creditLimit: Micros | null,
  status: SetSpendPolicy['status'] = 'active',
): SetSpendPolicy => ({ type: 'SetSpendPolicy', teamId, accountId, creditLimit, status, at: AT });

export const refund = (teamId: string, chargeId: string, reason = 'delivery failed'): RefundCharge => ({
  type: 'RefundCharge',
  teamId,
  chargeId,
  reason,
  at: AT,
});
