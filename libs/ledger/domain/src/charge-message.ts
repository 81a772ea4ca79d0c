import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import type { ChargeAccepted, ChargeMessage, ChargeRefusalReason, ChargeRefused } from '@subledger/contracts';
import { recorded, refused } from '@subledger/kernel';
import type { Micros } from '@subledger/money';
import { isPositiveAmount } from './amount-rules';
import { optionalField } from './optional-field';
import type { LedgerDecision } from './ledger-outcome';
import { accountSpendOf } from './ledger-state';
import type { AccountSpend, ChargeRecord, ChargeStanding, LedgerState, LedgerView } from './ledger-state';
import { replayCharge } from './replay-charge';
import { missingTeam } from './team-guard';

export function decideChargeMessage(command: ChargeMessage, state: LedgerView): LedgerDecision {
  const { chargeId, accountId, amount } = command;
  if (!isPositiveAmount(amount)) return refused({ reason: 'invalid_amount', amount });
  const noTeam = missingTeam(state, command.teamId);
  if (noTeam !== null) return refused(noTeam);
  const earlier = state.charges.get(chargeId);
  if (earlier !== undefined) return replayCharge(command, earlier, state);
  const account = accountSpendOf(state, accountId);
  const reason = chargeRefusalReason(account, state.balance, amount);
  const base = {
    schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
    chargeId,
    accountId,
    amount,
    ...optionalField('messageId', command.messageId),
  };
  if (reason === null) {
    const event: ChargeAccepted = { type: 'ChargeAccepted', ...base, at: command.at };
    const after = { balance: state.balance - amount, totalSpent: account.totalSpent + amount };
    return recorded([event], { type: 'charge_accepted', chargeId, accountId, amount, ...after, replayed: false });
  }
  const numbers = { creditLimit: account.creditLimit, totalSpent: account.totalSpent, balance: state.balance };
  const event: ChargeRefused = { type: 'ChargeRefused', ...base, reason, ...numbers, at: command.at };
  return recorded([event], {
    type: 'charge_refused',
    chargeId,
    accountId,
    amount,
    reason,
    ...numbers,
    replayed: false,
  });
}

/**
 * The first reason that forbids the charge, in order of precedence, or null when it may go
 * through. The limit is never crossed: at totalSpent >= creditLimit every charge is refused.
 */
export function chargeRefusalReason(
  account: AccountSpend,
  balance: Micros,
  amount: Micros,
): ChargeRefusalReason | null {
  const { creditLimit, totalSpent, status } = account;
  if (status === 'inactive') return 'account_inactive';
  if (creditLimit !== null && totalSpent + amount > creditLimit) return 'credit_limit_exceeded';
  if (balance < amount) return 'insufficient_balance';
  return null;
}

export function evolveChargeAccepted(state: LedgerState, event: ChargeAccepted): LedgerState {
  const account = accountSpendOf(state, event.accountId);
  state.balance -= event.amount;
  state.accounts.set(event.accountId, { ...account, totalSpent: account.totalSpent + event.amount });
  state.charges.set(event.chargeId, chargeRecordOf(event, 'accepted'));
  return state;
}

export function evolveChargeRefused(state: LedgerState, event: ChargeRefused): LedgerState {
  state.charges.set(event.chargeId, chargeRecordOf(event, event.reason));
  return state;
}

export function chargeRecordOf(event: ChargeAccepted | ChargeRefused, standing: ChargeStanding): ChargeRecord {
  const { chargeId, accountId, amount } = event;
  // The gateway's message ids are its charge ids: the record then keeps the one string of its key
  // instead of a second copy of the same text, a quarter of its size.
  const messageId = event.messageId === chargeId ? chargeId : event.messageId;
  return { accountId, amount, messageId, standing };
}
