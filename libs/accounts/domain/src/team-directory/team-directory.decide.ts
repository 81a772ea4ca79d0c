import type { TeamDirectoryCommand, TeamDirectoryEvent } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { AccountsDecision } from '../decision';
import { changeExternalId } from './change-external-id';
import { changeProjectStatus } from './change-project-status';
import { createTeam } from './create-team';
import { purgeProject } from './purge-project';
import { registerSubAccount } from './register-sub-account';
import { TeamDirectoryState } from './team-directory.state';

/** The team directory decider: stream `team-accounts-<teamId>`, the rules spanning a team's projects. */
export function decideTeamDirectory(
  command: TeamDirectoryCommand,
  state: TeamDirectoryState,
): AccountsDecision<TeamDirectoryEvent> {
  switch (command.type) {
    case 'CreateTeam':
      return createTeam(command, state);
    case 'RegisterSubAccount':
      return registerSubAccount(command, state);
    case 'ChangeExternalId':
      return changeExternalId(command, state);
    case 'ChangeProjectStatus':
      return changeProjectStatus(command, state);
    case 'PurgeProject':
      return purgeProject(command, state);
    default:
      return assertNever(command);
  }
}
