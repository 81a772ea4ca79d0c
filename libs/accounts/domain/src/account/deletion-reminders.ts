import type { AccountEvent, DeletionReminder, EpochMs, RecordDeletionReminder } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, unchanged } from '../decision';
import { DAY_MS } from '../values/deletion-retention.value-object';
import { eventBase } from './account-event';
import { AccountState, isLive, notLiveRefusal, ScheduledReminder } from './account.state';

/** Reminder days before the final one, which falls on `deleteAt` (day 14 with the default retention). */
export const EARLY_REMINDER_DAYS = [0, 1, 7, 12] as const;

/**
 * The reminders of a deletion scheduled at `scheduledAt`: each early day that falls before
 * `deleteAt`, then the final one at `deleteAt`, numbered by the day it falls on (rounded up).
 */
export function reminderSchedule(scheduledAt: EpochMs, deleteAt: EpochMs): DeletionReminder[] {
  const early = EARLY_REMINDER_DAYS.map((day) => ({ day, dueAt: scheduledAt + day * DAY_MS }));
  const finalDay = Math.ceil((deleteAt - scheduledAt) / DAY_MS);
  return [...early.filter((reminder) => reminder.dueAt < deleteAt), { day: finalDay, dueAt: deleteAt }];
}

/** The reminders due at `at` and not yet recorded, oldest first. */
export function dueReminders(state: AccountState, at: EpochMs): ScheduledReminder[] {
  if (state.status !== 'pending_deletion') return [];
  return state.deletion.reminders.filter((reminder) => reminder.recordedAt === null && reminder.dueAt <= at);
}

/** The commands a scheduler sends at `at` to record every reminder then due. */
export function dueReminderCommands(state: AccountState, at: EpochMs): RecordDeletionReminder[] {
  if (!isLive(state)) return [];
  return dueReminders(state, at).map((reminder) => ({
    type: 'RecordDeletionReminder',
    accountId: state.accountId,
    day: reminder.day,
    at,
  }));
}

/** Records that a reminder went out; each day at most once. */
export function recordDeletionReminder(
  command: RecordDeletionReminder,
  state: AccountState,
): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  if (state.status !== 'pending_deletion') return refused({ type: 'not_pending_deletion' });
  const reminder = state.deletion.reminders.find((candidate) => candidate.day === command.day);
  if (!reminder) return refused({ type: 'reminder_not_scheduled', day: command.day });
  if (reminder.recordedAt !== null) return unchanged('reminder_already_recorded');
  const { day, dueAt } = reminder;
  if (command.at < dueAt) return refused({ type: 'reminder_not_due', day, dueAt });
  return accepted({ type: 'DeletionReminderRecorded', ...eventBase(state.accountId, command.at), day });
}
