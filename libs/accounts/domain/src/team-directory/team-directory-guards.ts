import { ACCOUNTS_SCHEMA_VERSION, AccountsRefusal, AccountsSchemaVersion, EpochMs } from '@subledger/contracts';
import { err, ok, type Result } from '@subledger/kernel';
import { Project, TeamDirectory, TeamDirectoryState } from './team-directory.state';

export interface FoundProject {
  readonly team: TeamDirectory;
  readonly project: Project;
}

/** The team and one of its projects that is not purged, or the refusal that says which is missing. */
export function liveProject(state: TeamDirectoryState, accountId: string): Result<FoundProject, AccountsRefusal> {
  if (state.status === 'missing') return err({ type: 'team_not_found' });
  const project = state.projects.get(accountId);
  if (!project) return err({ type: 'account_not_found' });
  if (project.status === 'purged') return err({ type: 'account_purged' });
  return ok({ team: state, project });
}

export function teamEventBase(at: EpochMs): { schemaVersion: AccountsSchemaVersion; at: EpochMs } {
  return { schemaVersion: ACCOUNTS_SCHEMA_VERSION, at };
}
