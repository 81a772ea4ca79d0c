import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import type { Adjust, BalanceAdjusted } from '@subledger/contracts';
import { answered, recorded, refused } from '@subledger/kernel';
import { isBlank, isNonZeroAmount, overflowsBalance } from './amount-rules';
import type { LedgerDecision } from './ledger-outcome';
import type { AdjustmentRecord, LedgerState, LedgerView } from './ledger-state';
import { missingTeam } from './team-guard';

export function decideAdjust(command: Adjust, state: LedgerView): LedgerDecision {
  const { adjustmentId, amount, reason } = command;
  if (!isNonZeroAmount(amount)) return refused({ reason: 'invalid_amount', amount });
  if (isBlank(reason)) return refused({ reason: 'invalid_reason' });
  const noTeam = missingTeam(state, command.teamId);
  if (noTeam !== null) return refused(noTeam);
  const earlier = state.adjustments.get(adjustmentId);
  if (earlier !== undefined) {
    return isSameAdjustment(earlier, command)
      ? answered({ type: 'balance_adjusted', adjustmentId, amount, balance: state.balance, replayed: true })
      : refused({ reason: 'adjustment_id_reused', adjustmentId });
  }
  const balance = state.balance + amount;
  if (balance < 0n) return refused({ reason: 'insufficient_balance', balance: state.balance, amount });
  if (overflowsBalance(state.balance, amount)) {
    return refused({ reason: 'balance_overflow', balance: state.balance, amount });
  }
  const event: BalanceAdjusted = {
    type: 'BalanceAdjusted',
    schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
    adjustmentId,
    amount,
    reason,
    at: command.at,
  };
  return recorded([event], { type: 'balance_adjusted', adjustmentId, amount, balance, replayed: false });
}

function isSameAdjustment(earlier: AdjustmentRecord, command: Adjust): boolean {
  return earlier.amount === command.amount && earlier.reason === command.reason;
}

export function evolveBalanceAdjusted(state: LedgerState, event: BalanceAdjusted): LedgerState {
  state.balance += event.amount;
  state.adjustments.set(event.adjustmentId, { amount: event.amount, reason: event.reason });
  return state;
}
