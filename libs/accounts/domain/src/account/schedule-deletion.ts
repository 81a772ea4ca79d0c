import type { AccountEvent, ScheduleDeletion } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, invalid, unchanged } from '../decision';
import { validateRetention } from '../values/deletion-retention.value-object';
import { eventBase } from './account-event';
import { AccountState, activeKeyIds, isLive, notLiveRefusal } from './account.state';
import { reminderSchedule } from './deletion-reminders';

/**
 * Revokes every key at once and sets `deleteAt` = `at` + retention. Scheduling again while the
 * deletion is pending changes nothing: it neither errs nor pushes `deleteAt` back.
 */
export function scheduleDeletion(command: ScheduleDeletion, state: AccountState): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  if (state.status === 'pending_deletion') return unchanged('already_pending_deletion');
  const retention = validateRetention(command.retentionMs);
  if (!retention.ok) return invalid(retention.error);
  const deleteAt = command.at + retention.value;
  return accepted({
    type: 'DeletionScheduled',
    ...eventBase(state.accountId, command.at),
    deleteAt,
    reminders: reminderSchedule(command.at, deleteAt),
    revokedKeyIds: activeKeyIds(state),
  });
}
