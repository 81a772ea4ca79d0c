import { type AccountState, isLive } from '@subledger/accounts-domain';
import type { LedgerCommand, LedgerOutcome, SpendStatus } from '@subledger/contracts';
import type { CurrencyCode, Micros } from '@subledger/money';
import type { TeamChange } from './team-change';

interface SpendPolicy {
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
}

/** A command for the ledger and the outcomes that mean it is done. */
export interface LedgerEffect {
  readonly command: LedgerCommand;
  readonly accepts: (outcome: LedgerOutcome) => boolean;
}

/** What the ledger assumes of an account it has never heard of. */
const UNKNOWN_ACCOUNT_POLICY: SpendPolicy = { creditLimit: null, status: 'active' };

/**
 * The ledger commands a staged change implies, derived from the states before and after it rather
 * than from each command: a new team opens its ledger, and every change of an account's credit
 * limit or spending status (create with a limit, PATCH, deactivation, deletion scheduled,
 * restored) sets its spend policy. Anything but `active` is `inactive` for the ledger.
 */
export function ledgerEffectsOf(change: TeamChange, at: number): LedgerEffect[] {
  const effects: LedgerEffect[] = [];
  const team = change.team;
  if (change.teamBefore.status === 'missing' && team.status === 'created') {
    const { teamId } = team;
    // The team directory validated the code and keeps it in lower case.
    const currency = team.currency as CurrencyCode;
    effects.push({
      command: { type: 'OpenTeam', teamId, currency, at },
      accepts: (outcome) => opened(outcome, currency),
    });
  }
  for (const { accountId, before, after } of change.changedAccounts()) {
    const policy = spendPolicyOf(after);
    if (policy === null || samePolicy(policy, spendPolicyOf(before))) continue;
    effects.push({
      command: { type: 'SetSpendPolicy', teamId: change.teamId, accountId, ...policy, at },
      accepts: (outcome) => outcome.type === 'spend_policy_set',
    });
  }
  return effects;
}

/** `null` for a purged account: it stays inactive at the ledger as it was while pending deletion. */
function spendPolicyOf(state: AccountState): SpendPolicy | null {
  if (state.status === 'missing') return UNKNOWN_ACCOUNT_POLICY;
  if (!isLive(state)) return null;
  return { creditLimit: state.creditLimit, status: state.status === 'active' ? 'active' : 'inactive' };
}

function samePolicy(left: SpendPolicy, right: SpendPolicy | null): boolean {
  return right !== null && left.creditLimit === right.creditLimit && left.status === right.status;
}

/** A redelivered creation finds the ledger already opened, in the same currency: that is done too. */
function opened(outcome: LedgerOutcome, currency: string): boolean {
  if (outcome.type === 'team_opened') return true;
  return (
    outcome.type === 'refused' &&
    outcome.refusal.reason === 'team_already_opened' &&
    outcome.refusal.currency === currency
  );
}
