import type { AccountKind, AccountsRefusal, AccountMetadata, ApiKeyEnvironment, EpochMs } from '@subledger/contracts';
import type { Micros } from '@subledger/money';

export interface ApiKey {
  readonly keyId: string;
  readonly name: string;
  readonly environment: ApiKeyEnvironment;
  readonly permissions: readonly string[] | null;
  readonly prefix: string;
  readonly digest: string;
  readonly createdAt: EpochMs;
  readonly revokedAt: EpochMs | null;
}

export interface ScheduledReminder {
  readonly day: number;
  readonly dueAt: EpochMs;
  readonly recordedAt: EpochMs | null;
}

export interface DeletionSchedule {
  readonly scheduledAt: EpochMs;
  readonly deleteAt: EpochMs;
  readonly reminders: readonly ScheduledReminder[];
}

export interface AccountDetails {
  readonly accountId: string;
  readonly teamId: string;
  readonly kind: AccountKind;
  readonly name: string;
  readonly externalId: string | null;
  /** Micros; `null` means no limit. */
  readonly creditLimit: Micros | null;
  readonly metadata: AccountMetadata | null;
  readonly createdAt: EpochMs;
  /** Every key ever created, revoked ones included (listings show them with `revokedAt`). */
  readonly keys: ReadonlyMap<string, ApiKey>;
}

/** An account that exists and has not been purged; only a pending deletion has a schedule. */
export type LiveAccount = AccountDetails &
  (
    | { readonly status: 'active' | 'inactive' }
    | { readonly status: 'pending_deletion'; readonly deletion: DeletionSchedule }
  );

/** What is left after the purge: no personal data, no keys. */
export interface PurgedAccount {
  readonly status: 'purged';
  readonly accountId: string;
  readonly teamId: string;
  readonly kind: AccountKind;
  readonly createdAt: EpochMs;
  readonly purgedAt: EpochMs;
}

export interface MissingAccount {
  readonly status: 'missing';
}

export type AccountState = MissingAccount | LiveAccount | PurgedAccount;

export function initialAccountState(): AccountState {
  return { status: 'missing' };
}

export function isLive(state: AccountState): state is LiveAccount {
  return state.status !== 'missing' && state.status !== 'purged';
}

/** The refusal for acting on an account that does not exist or no longer does. */
export function notLiveRefusal(state: MissingAccount | PurgedAccount): AccountsRefusal {
  return state.status === 'missing' ? { type: 'account_not_found' } : { type: 'account_purged' };
}

export function activeKeyIds(account: LiveAccount): string[] {
  return [...account.keys.values()].filter((key) => key.revokedAt === null).map((key) => key.keyId);
}
