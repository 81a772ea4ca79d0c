import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import type { TopUp, TopUpRecorded } from '@subledger/contracts';
import { answered, recorded, refused } from '@subledger/kernel';
import { isPositiveAmount, overflowsBalance } from './amount-rules';
import { optionalField } from './optional-field';
import type { LedgerDecision } from './ledger-outcome';
import type { LedgerState, LedgerView, TopUpRecord } from './ledger-state';
import { missingTeam } from './team-guard';

export function decideTopUp(command: TopUp, state: LedgerView): LedgerDecision {
  const { topUpId, amount } = command;
  if (!isPositiveAmount(amount)) return refused({ reason: 'invalid_amount', amount });
  const noTeam = missingTeam(state, command.teamId);
  if (noTeam !== null) return refused(noTeam);
  const earlier = state.topUps.get(topUpId);
  if (earlier !== undefined) {
    return isSameTopUp(earlier, command)
      ? answered({ type: 'top_up_recorded', topUpId, amount, balance: state.balance, replayed: true })
      : refused({ reason: 'top_up_id_reused', topUpId });
  }
  if (overflowsBalance(state.balance, amount)) {
    return refused({ reason: 'balance_overflow', balance: state.balance, amount });
  }
  const event: TopUpRecorded = {
    type: 'TopUpRecorded',
    schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
    topUpId,
    amount,
    ...optionalField('reference', command.reference),
    at: command.at,
  };
  return recorded([event], {
    type: 'top_up_recorded',
    topUpId,
    amount,
    balance: state.balance + amount,
    replayed: false,
  });
}

function isSameTopUp(earlier: TopUpRecord, command: TopUp): boolean {
  return earlier.amount === command.amount && earlier.reference === command.reference;
}

export function evolveTopUpRecorded(state: LedgerState, event: TopUpRecorded): LedgerState {
  state.balance += event.amount;
  state.topUps.set(event.topUpId, { amount: event.amount, reference: event.reference });
  return state;
}
