import type { PurgeProject, TeamDirectoryEvent } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, unchanged } from '../decision';
import { teamEventBase } from './team-directory-guards';
import { TeamDirectoryState } from './team-directory.state';

/** Marks the project purged and frees its external id; the account decider checked `deleteAt`. */
export function purgeProject(command: PurgeProject, state: TeamDirectoryState): AccountsDecision<TeamDirectoryEvent> {
  if (state.status === 'missing') return refused({ type: 'team_not_found' });
  const project = state.projects.get(command.accountId);
  if (!project) return refused({ type: 'account_not_found' });
  if (project.status === 'purged') return unchanged('already_purged');
  return accepted({ type: 'ProjectPurged', ...teamEventBase(command.at), accountId: command.accountId });
}
