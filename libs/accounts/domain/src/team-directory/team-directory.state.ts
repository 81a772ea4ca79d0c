import type { AccountKind, AccountStatus, EpochMs } from '@subledger/contracts';

/** What the team directory knows of each project: enough for the team-wide rules, nothing more. */
export interface Project {
  readonly kind: AccountKind;
  readonly externalId: string | null;
  readonly status: AccountStatus;
}

export interface TeamDirectory {
  readonly status: 'created';
  readonly teamId: string;
  readonly name: string;
  readonly currency: string;
  readonly mainAccountId: string;
  readonly createdAt: EpochMs;
  /** Every project of the team, purged ones included, so that an id is never handed out twice. */
  readonly projects: ReadonlyMap<string, Project>;
}

export type TeamDirectoryState = { readonly status: 'missing' } | TeamDirectory;

export function initialTeamDirectoryState(): TeamDirectoryState {
  return { status: 'missing' };
}

/** The project that holds `externalId`, if any. */
export function externalIdOwner(team: TeamDirectory, externalId: string): string | undefined {
  for (const [accountId, project] of team.projects) {
    if (project.externalId === externalId) return accountId;
  }
  return undefined;
}

/** A team's active projects are its accounts with status `active`, the main account included. */
export function activeProjectCount(team: TeamDirectory): number {
  let count = 0;
  for (const project of team.projects.values()) if (project.status === 'active') count += 1;
  return count;
}
