import type { AccountsSchemaVersion } from './accounts-schema-version';
import type { EpochMs } from './account-kinds';

/** Events of the team directory stream `team-accounts-<teamId>`. */
export type TeamDirectoryEvent =
  TeamCreated | SubAccountRegistered | ExternalIdChanged | ProjectStatusChanged | ProjectPurged;

interface TeamDirectoryEventBase {
  readonly schemaVersion: AccountsSchemaVersion;
  readonly at: EpochMs;
}

/** The team exists, with exactly one main account, active. */
export interface TeamCreated extends TeamDirectoryEventBase {
  readonly type: 'TeamCreated';
  readonly teamId: string;
  readonly name: string;
  readonly currency: string;
  readonly mainAccountId: string;
}

export interface SubAccountRegistered extends TeamDirectoryEventBase {
  readonly type: 'SubAccountRegistered';
  readonly accountId: string;
  readonly externalId: string | null;
}

export interface ExternalIdChanged extends TeamDirectoryEventBase {
  readonly type: 'ExternalIdChanged';
  readonly accountId: string;
  readonly externalId: string | null;
}

export interface ProjectStatusChanged extends TeamDirectoryEventBase {
  readonly type: 'ProjectStatusChanged';
  readonly accountId: string;
  readonly status: 'active' | 'inactive' | 'pending_deletion';
}

/** Carries no personal data: the external id it frees is not repeated here. */
export interface ProjectPurged extends TeamDirectoryEventBase {
  readonly type: 'ProjectPurged';
  readonly accountId: string;
}
