import type { AccountCommand, AccountEvent, AccountsRefusal, TeamDirectoryEvent } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { decideAccount } from '../account/account.decide';
import { isLive } from '../account/account.state';
import { accepted, AccountsDecision } from '../decision';
import { decideTeamDirectory } from '../team-directory/team-directory.decide';
import { evolveTeamDirectory } from '../team-directory/team-directory.evolve';
import { TeamDirectoryState } from '../team-directory/team-directory.state';
import { acceptedProject, notAccepted, ProjectDecision, ProjectStates, refusedProject } from './project-decision';
import { teamCommandsFor } from './team-commands-for';

/**
 * Decides a project command against both its streams. Precedence: the project must belong to the
 * team; then the account's own rules (validation first); then the team-wide rules
 * (`external_id_taken`, `last_active_project`). Either stream refusing refuses the whole command.
 */
export function decideForTeam(command: AccountCommand, states: ProjectStates): ProjectDecision {
  const foreign = ownershipRefusal(command, states);
  if (foreign) return refusedProject(foreign);
  const account = decideAccount(command, states.account);
  if (account.outcome.type !== 'accepted') return notAccepted(account);
  const team = followInTeam(account.events, states.team);
  if (team.outcome.type !== 'accepted') return notAccepted(team);
  return acceptedProject(team.events, account.events);
}

function ownershipRefusal(command: AccountCommand, { team, account }: ProjectStates): AccountsRefusal | null {
  if (team.status === 'missing') return { type: 'team_not_found' };
  if (command.type === 'CreateAccount') {
    if (command.teamId !== team.teamId) return { type: 'team_not_found' };
    // A team has exactly one main account, created with the team itself.
    if (command.kind === 'main') return { type: 'invalid', violations: [{ field: 'kind', reason: 'not_allowed' }] };
    return null;
  }
  const owner = isLive(account) || account.status === 'purged' ? account.teamId : team.teamId;
  return owner === team.teamId ? null : { type: 'account_not_found' };
}

/** Runs the team directory commands the account events imply, each on the state the last one left. */
function followInTeam(
  events: readonly AccountEvent[],
  initial: TeamDirectoryState,
): AccountsDecision<TeamDirectoryEvent> {
  const teamEvents: TeamDirectoryEvent[] = [];
  let team = initial;
  for (const command of events.flatMap(teamCommandsFor)) {
    const decision = decideTeamDirectory(command, team);
    // An unchanged outcome is fine: the directory already agrees with the account.
    if (decision.outcome.type === 'refused') return refused(decision.outcome.refusal);
    teamEvents.push(...decision.events);
    team = decision.events.reduce(evolveTeamDirectory, team);
  }
  return accepted(...teamEvents);
}
