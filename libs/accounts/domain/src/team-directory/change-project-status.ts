import type { ChangeProjectStatus, TeamDirectoryEvent, UnchangedReason } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, unchanged } from '../decision';
import { liveProject, teamEventBase } from './team-directory-guards';
import { activeProjectCount, TeamDirectoryState } from './team-directory.state';

const alreadyThere: Record<ChangeProjectStatus['status'], UnchangedReason> = {
  active: 'already_active',
  inactive: 'already_inactive',
  pending_deletion: 'already_pending_deletion',
};

/** Records a project's new status; a team must keep at least one active project out of deletion. */
export function changeProjectStatus(
  command: ChangeProjectStatus,
  state: TeamDirectoryState,
): AccountsDecision<TeamDirectoryEvent> {
  const found = liveProject(state, command.accountId);
  if (!found.ok) return refused(found.error);
  const { team, project } = found.value;
  if (project.status === command.status) return unchanged(alreadyThere[command.status]);
  const leavesNoActiveProject = project.status === 'active' && activeProjectCount(team) === 1;
  if (command.status === 'pending_deletion' && leavesNoActiveProject) return refused({ type: 'last_active_project' });
  const { accountId, status, at } = command;
  return accepted({ type: 'ProjectStatusChanged', ...teamEventBase(at), accountId, status });
}
