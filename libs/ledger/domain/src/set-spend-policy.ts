import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import type { SetSpendPolicy, SpendPolicySet } from '@subledger/contracts';
import { answered, recorded, refused } from '@subledger/kernel';
import { MAX_MICROS } from './amount-rules';
import type { LedgerDecision } from './ledger-outcome';
import { accountSpendOf } from './ledger-state';
import type { LedgerState, LedgerView } from './ledger-state';
import { missingTeam } from './team-guard';

/**
 * A limit of zero is a real cap (nothing may be spent); "no limit" is null. Lowering a limit
 * below what was already spent is allowed: every later charge of that account is refused.
 */
export function decideSetSpendPolicy(command: SetSpendPolicy, state: LedgerView): LedgerDecision {
  const { accountId, creditLimit, status } = command;
  if (creditLimit !== null && (creditLimit < 0n || creditLimit > MAX_MICROS)) {
    return refused({ reason: 'invalid_credit_limit', creditLimit });
  }
  const noTeam = missingTeam(state, command.teamId);
  if (noTeam !== null) return refused(noTeam);
  const { totalSpent, ...current } = accountSpendOf(state, accountId);
  const outcome = { type: 'spend_policy_set', accountId, creditLimit, status, totalSpent } as const;
  if (current.creditLimit === creditLimit && current.status === status) {
    return answered({ ...outcome, replayed: true });
  }
  const event: SpendPolicySet = {
    type: 'SpendPolicySet',
    schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
    accountId,
    creditLimit,
    status,
    at: command.at,
  };
  return recorded([event], { ...outcome, replayed: false });
}

export function evolveSpendPolicySet(state: LedgerState, event: SpendPolicySet): LedgerState {
  const { totalSpent } = accountSpendOf(state, event.accountId);
  state.accounts.set(event.accountId, { creditLimit: event.creditLimit, status: event.status, totalSpent });
  return state;
}
