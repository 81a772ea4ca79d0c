import type { AccountEvent, TeamDirectoryCommand } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';

/**
 * What an accepted account event asks of the team directory: the external id it reserves or
 * releases, or the project status it mirrors for the team-wide rules.
 */
export function teamCommandsFor(event: AccountEvent): TeamDirectoryCommand[] {
  const { accountId, at } = event;
  switch (event.type) {
    case 'AccountCreated':
      // Only sub-accounts come through here: a main account is created with its team.
      return [{ type: 'RegisterSubAccount', accountId, externalId: event.externalId, at }];
    case 'AccountUpdated': {
      const { externalId } = event.changes;
      return externalId === undefined ? [] : [{ type: 'ChangeExternalId', accountId, externalId, at }];
    }
    case 'AccountSuspended':
    case 'AccountDeactivated':
      return [{ type: 'ChangeProjectStatus', accountId, status: 'inactive', at }];
    case 'AccountResumed':
    case 'AccountRestored':
      return [{ type: 'ChangeProjectStatus', accountId, status: 'active', at }];
    case 'DeletionScheduled':
      return [{ type: 'ChangeProjectStatus', accountId, status: 'pending_deletion', at }];
    case 'AccountPurged':
      return [{ type: 'PurgeProject', accountId, at }];
    case 'DeletionReminderRecorded':
    case 'ApiKeyCreated':
    case 'ApiKeyRevoked':
      return [];
    default:
      return assertNever(event);
  }
}
