import type { ChargeMessage } from '@subledger/contracts';
import { answered, assertNever, refused } from '@subledger/kernel';
import type { LedgerDecision } from './ledger-outcome';
import { accountSpendOf } from './ledger-state';
import type { ChargeRecord, LedgerView } from './ledger-state';

/**
 * A charge id seen before: the same charge again gets its original verdict and appends nothing;
 * the same id with other fields is refused, since one id may never name two charges.
 */
export function replayCharge(command: ChargeMessage, earlier: ChargeRecord, state: LedgerView): LedgerDecision {
  const { chargeId } = command;
  if (!isSameCharge(earlier, command)) return refused({ reason: 'charge_id_reused', chargeId });
  const { accountId, amount } = earlier;
  const account = accountSpendOf(state, accountId);
  const now = { balance: state.balance, totalSpent: account.totalSpent };
  switch (earlier.standing) {
    case 'accepted':
    case 'refunded':
      return answered({ type: 'charge_accepted', chargeId, accountId, amount, ...now, replayed: true });
    case 'account_inactive':
    case 'credit_limit_exceeded':
    case 'insufficient_balance': {
      const verdict = { reason: earlier.standing, creditLimit: account.creditLimit };
      return answered({ type: 'charge_refused', chargeId, accountId, amount, ...verdict, ...now, replayed: true });
    }
    default:
      return assertNever(earlier.standing, 'charge standing');
  }
}

function isSameCharge(earlier: ChargeRecord, command: ChargeMessage): boolean {
  return (
    earlier.accountId === command.accountId &&
    earlier.amount === command.amount &&
    earlier.messageId === command.messageId
  );
}
