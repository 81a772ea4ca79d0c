import type { Micros } from '@subledger/money';
import type { AccountKind, AccountMetadata, ApiKeyEnvironment, EpochMs, RequestedAccountStatus } from './account-kinds';

/**
 * Commands of one project's stream (`account-<accountId>`). Credit limits are integer micros
 * (`bigint`, `null` = no limit), converted from the API's cents at the edge; on the wire they are
 * decimal strings.
 */
export type AccountCommand =
  | CreateAccount
  | UpdateAccount
  | SuspendAccount
  | ResumeAccount
  | DeactivateAccount
  | ScheduleDeletion
  | RecordDeletionReminder
  | RestoreAccount
  | PurgeAccount
  | CreateApiKey
  | RevokeApiKey;

export interface CreateAccount {
  readonly type: 'CreateAccount';
  readonly accountId: string;
  readonly teamId: string;
  readonly kind: AccountKind;
  readonly name: string;
  readonly externalId: string | null;
  readonly creditLimit: Micros | null;
  readonly metadata: AccountMetadata | null;
  readonly at: EpochMs;
}

/** The fields of a PATCH: an absent field is left alone, `null` clears it, metadata is replaced whole. */
export interface AccountChanges {
  readonly name?: string;
  readonly externalId?: string | null;
  readonly creditLimit?: Micros | null;
  readonly metadata?: AccountMetadata | null;
  readonly status?: RequestedAccountStatus;
}

export interface UpdateAccount {
  readonly type: 'UpdateAccount';
  readonly accountId: string;
  readonly changes: AccountChanges;
  readonly at: EpochMs;
}

/** Status `inactive`, keys kept: calls with them answer `account_inactive`. */
export interface SuspendAccount {
  readonly type: 'SuspendAccount';
  readonly accountId: string;
  readonly at: EpochMs;
}

export interface ResumeAccount {
  readonly type: 'ResumeAccount';
  readonly accountId: string;
  readonly at: EpochMs;
}

/** Status `inactive` and every active key revoked. */
export interface DeactivateAccount {
  readonly type: 'DeactivateAccount';
  readonly accountId: string;
  readonly at: EpochMs;
}

export interface ScheduleDeletion {
  readonly type: 'ScheduleDeletion';
  readonly accountId: string;
  /** How long the account can still be restored; 14 days when absent. */
  readonly retentionMs?: number;
  readonly at: EpochMs;
}

export interface RecordDeletionReminder {
  readonly type: 'RecordDeletionReminder';
  readonly accountId: string;
  readonly day: number;
  readonly at: EpochMs;
}

export interface RestoreAccount {
  readonly type: 'RestoreAccount';
  readonly accountId: string;
  readonly at: EpochMs;
}

export interface PurgeAccount {
  readonly type: 'PurgeAccount';
  readonly accountId: string;
  readonly at: EpochMs;
}

/** The raw key never reaches the domain: only its display prefix and its digest. */
export interface CreateApiKey {
  readonly type: 'CreateApiKey';
  readonly accountId: string;
  readonly keyId: string;
  readonly name: string;
  readonly environment: ApiKeyEnvironment;
  readonly permissions: readonly string[] | null;
  readonly prefix: string;
  readonly digest: string;
  readonly at: EpochMs;
}

export interface RevokeApiKey {
  readonly type: 'RevokeApiKey';
  readonly accountId: string;
  readonly keyId: string;
  readonly at: EpochMs;
}
