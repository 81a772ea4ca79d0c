import type { LedgerEvent } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import { assertNever } from '@subledger/kernel';
import type { LedgerOutcome } from './ledger-outcome';
import { accountSpendOf } from './ledger-state';
import type { LedgerView } from './ledger-state';

/** The numbers right after an event: the team's balance and, for an event about an account, its spend. */
export interface NumbersAfter {
  readonly balance: Micros;
  readonly totalSpent?: Micros;
}

/** What to keep beside an event so that `recordedOutcome` can answer for it later; `state` is the state after it. */
export function numbersAfter(state: LedgerView, event: LedgerEvent): NumbersAfter {
  const accountId = 'accountId' in event ? event.accountId : undefined;
  return accountId === undefined
    ? { balance: state.balance }
    : { balance: state.balance, totalSpent: accountSpendOf(state, accountId).totalSpent };
}

/**
 * The outcome the command that recorded `event` was answered with, rebuilt from the event and the
 * numbers right after it: a command that recorded an event needs no other record of its answer.
 */
export function recordedOutcome(event: LedgerEvent, after: NumbersAfter): LedgerOutcome {
  const replayed = false;
  switch (event.type) {
    case 'TeamOpened':
      return { type: 'team_opened', teamId: event.teamId, currency: event.currency, replayed };
    case 'TopUpRecorded':
      return {
        type: 'top_up_recorded',
        topUpId: event.topUpId,
        amount: event.amount,
        balance: after.balance,
        replayed,
      };
    case 'BalanceAdjusted':
      return {
        type: 'balance_adjusted',
        adjustmentId: event.adjustmentId,
        amount: event.amount,
        balance: after.balance,
        replayed,
      };
    case 'SpendPolicySet': {
      const { accountId, creditLimit, status } = event;
      return {
        type: 'spend_policy_set',
        accountId,
        creditLimit,
        status,
        totalSpent: spentAfter(event, after),
        replayed,
      };
    }
    case 'ChargeAccepted':
    case 'ChargeRefunded': {
      const { chargeId, accountId, amount } = event;
      const type = event.type === 'ChargeAccepted' ? 'charge_accepted' : 'charge_refunded';
      return {
        type,
        chargeId,
        accountId,
        amount,
        balance: after.balance,
        totalSpent: spentAfter(event, after),
        replayed,
      };
    }
    case 'ChargeRefused': {
      const { chargeId, accountId, amount, reason, creditLimit, totalSpent, balance } = event;
      return {
        type: 'charge_refused',
        chargeId,
        accountId,
        amount,
        reason,
        creditLimit,
        totalSpent,
        balance,
        replayed,
      };
    }
    default:
      return assertNever(event, 'ledger event');
  }
}

function spentAfter(event: LedgerEvent, after: NumbersAfter): Micros {
  if (after.totalSpent === undefined)
    throw new Error(`The spend after ${event.type} was not kept: its outcome cannot be rebuilt`);
  return after.totalSpent;
}
