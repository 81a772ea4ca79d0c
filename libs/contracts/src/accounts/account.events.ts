import type { Micros } from '@subledger/money';
import type { AccountsSchemaVersion } from './accounts-schema-version';
import type { AccountKind, AccountMetadata, ApiKeyEnvironment, EpochMs } from './account-kinds';

/** Events of one project's stream (`account-<accountId>`). Credit limits are micros or `null`. */
export type AccountEvent =
  | AccountCreated
  | AccountUpdated
  | AccountSuspended
  | AccountResumed
  | AccountDeactivated
  | DeletionScheduled
  | DeletionReminderRecorded
  | AccountRestored
  | AccountPurged
  | ApiKeyCreated
  | ApiKeyRevoked;

interface AccountEventBase {
  readonly schemaVersion: AccountsSchemaVersion;
  readonly accountId: string;
  readonly at: EpochMs;
}

export interface AccountCreated extends AccountEventBase {
  readonly type: 'AccountCreated';
  readonly teamId: string;
  readonly kind: AccountKind;
  readonly name: string;
  readonly externalId: string | null;
  readonly creditLimit: Micros | null;
  readonly metadata: AccountMetadata | null;
}

/** Holds only the fields that changed value. */
export interface AccountDetailsChanges {
  readonly name?: string;
  readonly externalId?: string | null;
  readonly creditLimit?: Micros | null;
  readonly metadata?: AccountMetadata | null;
}

export interface AccountUpdated extends AccountEventBase {
  readonly type: 'AccountUpdated';
  readonly changes: AccountDetailsChanges;
}

export interface AccountSuspended extends AccountEventBase {
  readonly type: 'AccountSuspended';
}

export interface AccountResumed extends AccountEventBase {
  readonly type: 'AccountResumed';
}

export interface AccountDeactivated extends AccountEventBase {
  readonly type: 'AccountDeactivated';
  /** The keys this deactivation revoked; its length is the API's `keysRevoked`. */
  readonly revokedKeyIds: readonly string[];
}

export interface DeletionReminder {
  readonly day: number;
  readonly dueAt: EpochMs;
}

export interface DeletionScheduled extends AccountEventBase {
  readonly type: 'DeletionScheduled';
  readonly deleteAt: EpochMs;
  readonly reminders: readonly DeletionReminder[];
  readonly revokedKeyIds: readonly string[];
}

export interface DeletionReminderRecorded extends AccountEventBase {
  readonly type: 'DeletionReminderRecorded';
  readonly day: number;
}

/** Back to `active`, with no keys (they were revoked when the deletion was scheduled). */
export interface AccountRestored extends AccountEventBase {
  readonly type: 'AccountRestored';
}

/**
 * A tombstone: it holds everything a purged account still needs and no personal data, so the
 * events before it may be erased and a replay from this event alone gives the same state.
 */
export interface AccountPurged extends AccountEventBase {
  readonly type: 'AccountPurged';
  readonly teamId: string;
  readonly kind: AccountKind;
  readonly createdAt: EpochMs;
}

export interface ApiKeyCreated extends AccountEventBase {
  readonly type: 'ApiKeyCreated';
  readonly keyId: string;
  readonly name: string;
  readonly environment: ApiKeyEnvironment;
  readonly permissions: readonly string[] | null;
  readonly prefix: string;
  readonly digest: string;
}

export interface ApiKeyRevoked extends AccountEventBase {
  readonly type: 'ApiKeyRevoked';
  readonly keyId: string;
}
