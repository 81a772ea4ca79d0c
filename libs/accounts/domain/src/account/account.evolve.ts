import type { AccountDetailsChanges, AccountEvent, AccountCreated, AccountPurged, EpochMs } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import {
  AccountDetails,
  AccountState,
  ApiKey,
  initialAccountState,
  isLive,
  LiveAccount,
  PurgedAccount,
} from './account.state';

type LiveAccountEvent = Exclude<AccountEvent, AccountCreated | AccountPurged>;

/**
 * Applies one recorded event. It trusts that the event came from `decideAccount`, so an event that
 * cannot apply to the current state (none can, in a stream written by the decider) leaves it as is.
 */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  if (event.type === 'AccountCreated') return created(event);
  if (event.type === 'AccountPurged') return purged(event);
  return isLive(state) ? evolveLive(state, event) : state;
}

export function replayAccount(events: readonly AccountEvent[]): AccountState {
  return events.reduce(evolveAccount, initialAccountState());
}

function evolveLive(account: LiveAccount, event: LiveAccountEvent): LiveAccount {
  switch (event.type) {
    case 'AccountUpdated':
      return { ...account, ...applyChanges(account, event.changes) };
    case 'AccountSuspended':
      return { ...detailsOf(account), status: 'inactive' };
    case 'AccountDeactivated':
      return { ...detailsOf(account), status: 'inactive', keys: revoke(account.keys, event.revokedKeyIds, event.at) };
    case 'AccountResumed':
    case 'AccountRestored':
      return { ...detailsOf(account), status: 'active' };
    case 'DeletionScheduled':
      return {
        ...detailsOf(account),
        status: 'pending_deletion',
        keys: revoke(account.keys, event.revokedKeyIds, event.at),
        deletion: {
          scheduledAt: event.at,
          deleteAt: event.deleteAt,
          reminders: event.reminders.map((reminder) => ({ ...reminder, recordedAt: null })),
        },
      };
    case 'DeletionReminderRecorded':
      return account.status === 'pending_deletion' ? recordReminder(account, event.day, event.at) : account;
    case 'ApiKeyCreated': {
      const { keyId, name, environment, permissions, prefix, digest, at } = event;
      const key: ApiKey = { keyId, name, environment, permissions, prefix, digest, createdAt: at, revokedAt: null };
      return { ...account, keys: new Map(account.keys).set(keyId, key) };
    }
    case 'ApiKeyRevoked':
      return { ...account, keys: revoke(account.keys, [event.keyId], event.at) };
    default:
      return assertNever(event);
  }
}

function created(event: AccountCreated): LiveAccount {
  const { accountId, teamId, kind, name, externalId, creditLimit, metadata, at } = event;
  const details = { accountId, teamId, kind, name, externalId, creditLimit, metadata };
  return { status: 'active', ...details, createdAt: at, keys: new Map() };
}

/** Built from the event alone, so that a stream erased up to this tombstone replays the same. */
function purged(event: AccountPurged): PurgedAccount {
  const { accountId, teamId, kind, createdAt, at } = event;
  return { status: 'purged', accountId, teamId, kind, createdAt, purgedAt: at };
}

/** The account without its status and deletion schedule, to move it to another status cleanly. */
function detailsOf(account: LiveAccount): AccountDetails {
  const { accountId, teamId, kind, name, externalId, creditLimit, metadata, createdAt, keys } = account;
  return { accountId, teamId, kind, name, externalId, creditLimit, metadata, createdAt, keys };
}

function applyChanges(account: LiveAccount, changes: AccountDetailsChanges): Partial<AccountDetails> {
  return {
    name: changes.name ?? account.name,
    externalId: changes.externalId === undefined ? account.externalId : changes.externalId,
    creditLimit: changes.creditLimit === undefined ? account.creditLimit : changes.creditLimit,
    metadata: changes.metadata === undefined ? account.metadata : changes.metadata,
  };
}

type Keys = ReadonlyMap<string, ApiKey>;

function revoke(keys: Keys, keyIds: readonly string[], at: EpochMs): Keys {
  if (keyIds.length === 0) return keys;
  const next = new Map(keys);
  for (const keyId of keyIds) {
    const key = next.get(keyId);
    if (key && key.revokedAt === null) next.set(keyId, { ...key, revokedAt: at });
  }
  return next;
}

function recordReminder(account: LiveAccount & { status: 'pending_deletion' }, day: number, at: EpochMs): LiveAccount {
  const reminders = account.deletion.reminders.map((reminder) =>
    reminder.day === day && reminder.recordedAt === null ? { ...reminder, recordedAt: at } : reminder,
  );
  return { ...account, deletion: { ...account.deletion, reminders } };
}
