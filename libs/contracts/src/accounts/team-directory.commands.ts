import type { EpochMs } from './account-kinds';

/**
 * Commands of the team directory (stream `team-accounts-<teamId>`), which decides the rules that
 * span a team's projects: one main account, unique external ids, and the last active project.
 */
export type TeamDirectoryCommand =
  CreateTeam | RegisterSubAccount | ChangeExternalId | ChangeProjectStatus | PurgeProject;

export interface CreateTeam {
  readonly type: 'CreateTeam';
  readonly teamId: string;
  readonly name: string;
  /** Lower-case ISO 4217 code, e.g. `usd`. */
  readonly currency: string;
  readonly mainAccountId: string;
  readonly at: EpochMs;
}

/** Reserves a sub-account id and its external id within the team. */
export interface RegisterSubAccount {
  readonly type: 'RegisterSubAccount';
  readonly accountId: string;
  readonly externalId: string | null;
  readonly at: EpochMs;
}

export interface ChangeExternalId {
  readonly type: 'ChangeExternalId';
  readonly accountId: string;
  readonly externalId: string | null;
  readonly at: EpochMs;
}

/** Mirrors a project's status so that team-wide rules can be decided here. */
export interface ChangeProjectStatus {
  readonly type: 'ChangeProjectStatus';
  readonly accountId: string;
  readonly status: 'active' | 'inactive' | 'pending_deletion';
  readonly at: EpochMs;
}

/** Forgets a purged project's external id, which frees it for another project. */
export interface PurgeProject {
  readonly type: 'PurgeProject';
  readonly accountId: string;
  readonly at: EpochMs;
}
