import type { AccountEvent } from './account.events';
import type { TeamDirectoryEvent } from './team-directory.events';

/** What an erased account name reads as in history. */
export const ERASED_NAME = '';

/**
 * The event without the account's personal data (name, external id, metadata). The store rewrites
 * an account's history with it when the account is purged; the `AccountPurged` tombstone makes the
 * state replayed from the erased history equal the state replayed from the original one.
 */
export function eraseAccountEventPersonalData(event: AccountEvent): AccountEvent {
  switch (event.type) {
    case 'AccountCreated':
      return { ...event, name: ERASED_NAME, externalId: null, metadata: null };
    case 'AccountUpdated': {
      const { creditLimit } = event.changes;
      return { ...event, changes: creditLimit === undefined ? {} : { creditLimit } };
    }
    case 'AccountSuspended':
    case 'AccountResumed':
    case 'AccountDeactivated':
    case 'DeletionScheduled':
    case 'DeletionReminderRecorded':
    case 'AccountRestored':
    case 'AccountPurged':
    case 'ApiKeyCreated':
    case 'ApiKeyRevoked':
      return event;
    default:
      return unreachable(event);
  }
}

/** The team directory event without the external id of the purged account `accountId`. */
export function eraseTeamDirectoryEventPersonalData(event: TeamDirectoryEvent, accountId: string): TeamDirectoryEvent {
  switch (event.type) {
    case 'SubAccountRegistered':
    case 'ExternalIdChanged':
      return event.accountId === accountId ? { ...event, externalId: null } : event;
    case 'TeamCreated':
    case 'ProjectStatusChanged':
    case 'ProjectPurged':
      return event;
    default:
      return unreachable(event);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled accounts event: ${JSON.stringify(value)}`);
}
