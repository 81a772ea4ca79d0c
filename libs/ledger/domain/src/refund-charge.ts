import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import type { ChargeRefunded, RefundCharge } from '@subledger/contracts';
import { isBlank } from './amount-rules';
import { answered, assertNever, recorded, refused } from '@subledger/kernel';
import { optionalField } from './optional-field';
import type { LedgerDecision } from './ledger-outcome';
import { accountSpendOf } from './ledger-state';
import type { ChargeRecord, LedgerState, LedgerView } from './ledger-state';
import { missingTeam } from './team-guard';

/** A charge is refunded at most once; asking again answers with that refund and appends nothing. */
export function decideRefundCharge(command: RefundCharge, state: LedgerView): LedgerDecision {
  const { chargeId } = command;
  if (isBlank(command.reason)) return refused({ reason: 'invalid_reason' });
  const noTeam = missingTeam(state, command.teamId);
  if (noTeam !== null) return refused(noTeam);
  const charge = state.charges.get(chargeId);
  if (charge === undefined) return refused({ reason: 'charge_not_found', chargeId });
  switch (charge.standing) {
    case 'accepted':
      return refundAccepted(command, charge, state);
    case 'refunded': {
      const { accountId, amount } = charge;
      const now = { balance: state.balance, totalSpent: accountSpendOf(state, accountId).totalSpent };
      return answered({ type: 'charge_refunded', chargeId, accountId, amount, ...now, replayed: true });
    }
    case 'account_inactive':
    case 'credit_limit_exceeded':
    case 'insufficient_balance':
      return refused({ reason: 'charge_not_refundable', chargeId, refusedFor: charge.standing });
    default:
      return assertNever(charge.standing, 'charge standing');
  }
}

function refundAccepted(command: RefundCharge, charge: ChargeRecord, state: LedgerView): LedgerDecision {
  const { chargeId } = command;
  const { accountId, amount } = charge;
  const event: ChargeRefunded = {
    type: 'ChargeRefunded',
    schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
    chargeId,
    accountId,
    amount,
    ...optionalField('refundId', command.refundId),
    reason: command.reason,
    at: command.at,
  };
  const after = { balance: state.balance + amount, totalSpent: accountSpendOf(state, accountId).totalSpent - amount };
  return recorded([event], { type: 'charge_refunded', chargeId, accountId, amount, ...after, replayed: false });
}

export function evolveChargeRefunded(state: LedgerState, event: ChargeRefunded): LedgerState {
  const account = accountSpendOf(state, event.accountId);
  const charge = state.charges.get(event.chargeId);
  state.balance += event.amount;
  state.accounts.set(event.accountId, { ...account, totalSpent: account.totalSpent - event.amount });
  if (charge !== undefined) state.charges.set(event.chargeId, { ...charge, standing: 'refunded' });
  return state;
}
