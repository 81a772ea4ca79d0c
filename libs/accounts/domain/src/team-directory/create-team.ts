import type { CreateTeam, TeamDirectoryEvent } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, invalid } from '../decision';
import { validateName } from '../values/account-name.value-object';
import { validateCurrency } from '../values/team-currency.value-object';
import { validateAll } from '../values/validated';
import { teamEventBase } from './team-directory-guards';
import { TeamDirectoryState } from './team-directory.state';

/** A new team comes with exactly one main account, active, named in the same event. */
export function createTeam(command: CreateTeam, state: TeamDirectoryState): AccountsDecision<TeamDirectoryEvent> {
  const checked = validateAll({ name: validateName(command.name), currency: validateCurrency(command.currency) });
  if (!checked.ok) return invalid(checked.error);
  if (state.status !== 'missing') return refused({ type: 'team_already_exists' });
  const { teamId, mainAccountId, at } = command;
  return accepted({ type: 'TeamCreated', ...teamEventBase(at), teamId, mainAccountId, ...checked.value });
}
