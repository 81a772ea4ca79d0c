import type { CreateAccount, CreateTeam } from '@subledger/contracts';
import { decideAccount } from '../account/account.decide';
import { decideTeamDirectory } from '../team-directory/team-directory.decide';
import { acceptedProject, notAccepted, ProjectDecision, ProjectStates } from './project-decision';

/** A new team and its one main account (named like the team, without a credit limit), together. */
export function createTeamWithMainAccount(command: CreateTeam, states: ProjectStates): ProjectDecision {
  const team = decideTeamDirectory(command, states.team);
  if (team.outcome.type !== 'accepted') return notAccepted(team);
  const { teamId, mainAccountId, name, at } = command;
  const main: CreateAccount = {
    type: 'CreateAccount',
    accountId: mainAccountId,
    teamId,
    kind: 'main',
    name,
    externalId: null,
    creditLimit: null,
    metadata: null,
    at,
  };
  const account = decideAccount(main, states.account);
  if (account.outcome.type !== 'accepted') return notAccepted(account);
  return acceptedProject(team.events, account.events);
}
