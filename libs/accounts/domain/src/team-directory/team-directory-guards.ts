import { ACCOUNTS_SCHEMA_VERSION, AccountsRefusal, AccountsSchemaVersion, EpochMs } from '@subledger/contracts';
import { Project, TeamDirectory, TeamDirectoryState } from './team-directory.state';

export type FoundProject =
  | { readonly ok: true; readonly team: TeamDirectory; readonly project: Project }
  | { readonly ok: false; readonly refusal: AccountsRefusal };

/** The team and one of its projects that is not purged, or the refusal that says which is missing. */
export function liveProject(state: TeamDirectoryState, accountId: string): FoundProject {
  if (state.status === 'missing') return { ok: false, refusal: { type: 'team_not_found' } };
  const project = state.projects.get(accountId);
  if (!project) return { ok: false, refusal: { type: 'account_not_found' } };
  if (project.status === 'purged') return { ok: false, refusal: { type: 'account_purged' } };
  return { ok: true, team: state, project };
}

export function teamEventBase(at: EpochMs): { schemaVersion: AccountsSchemaVersion; at: EpochMs } {
  return { schemaVersion: ACCOUNTS_SCHEMA_VERSION, at };
}
