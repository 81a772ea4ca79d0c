import type { AccountEvent, AccountCommand, AccountsRefusal } from '@subledger/contracts';
import type { AccountsOutcome } from '../decision';
import { command, DAYS, event, subCreated, SUB_ID, T0 } from '../testing/account-fixtures';
import { ACCEPTED, accountSpec, unchangedFor } from '../testing/account-spec';
import { decideAccount } from './account.decide';
import { evolveAccount, replayAccount } from './account.evolve';
import { AccountState } from './account.state';
import { dueReminderCommands, dueReminders, reminderSchedule } from './deletion-reminders';

const created = subCreated();
const scheduled = event('DeletionScheduled', {
  deleteAt: DAYS(14),
  reminders: reminderSchedule(T0, DAYS(14)),
  revokedKeyIds: [],
});
const recorded = (day: number, at = DAYS(day)) => event('DeletionReminderRecorded', { day }, at);
const record = (day: number, at = DAYS(day)) => command('RecordDeletionReminder', { day }, at);

describe('deletion reminders', () => {
  it('are due on days 0, 1, 7, 12 and 14 with the default retention', () => {
    expect(reminderSchedule(T0, DAYS(14))).toEqual([0, 1, 7, 12, 14].map((day) => ({ day, dueAt: DAYS(day) })));
  });

  it.each<[string, AccountEvent[], number, number[]]>([
    ['at scheduling time', [], T0, [0]],
    ['a moment before day 1', [], DAYS(1) - 1, [0]],
    ['on day 1, day 0 not yet recorded', [], DAYS(1), [0, 1]],
    ['on day 1, day 0 recorded', [recorded(0)], DAYS(1), [1]],
    ['on day 13, days 0 and 1 recorded', [recorded(0), recorded(1)], DAYS(13), [7, 12]],
    ['on day 14, all earlier recorded', [0, 1, 7, 12].map((day) => recorded(day)), DAYS(14), [14]],
    ['after day 14, all recorded', [0, 1, 7, 12, 14].map((day) => recorded(day)), DAYS(20), []],
  ])('due %s', (_case, given, at, days) => {
    const state = replayAccount([created, scheduled, ...given]);
    expect(dueReminders(state, at).map((reminder) => reminder.day)).toEqual(days);
  });

  it('are never due without a pending deletion, nor after a restore', () => {
    expect(dueReminders(replayAccount([created]), DAYS(20))).toEqual([]);
    expect(dueReminders(replayAccount([created, scheduled, event('AccountRestored', {}, DAYS(2))]), DAYS(20))).toEqual(
      [],
    );
    expect(dueReminderCommands(replayAccount([]), DAYS(20))).toEqual([]);
  });

  it('come as commands that record them', () => {
    expect(dueReminderCommands(replayAccount([created, scheduled]), DAYS(1))).toEqual([
      { type: 'RecordDeletionReminder', accountId: SUB_ID, day: 0, at: DAYS(1) },
      { type: 'RecordDeletionReminder', accountId: SUB_ID, day: 1, at: DAYS(1) },
    ]);
  });

  it('are each recorded exactly once by a scheduler that runs every six hours, with repeats', () => {
    let state: AccountState = replayAccount([created, scheduled]);
    const appended: AccountEvent[] = [];
    for (let at = T0; at <= DAYS(15); at += 6 * 3_600_000) {
      // Sending every due command twice stands in for a redelivered scheduler message.
      for (const cmd of [...dueReminderCommands(state, at), ...dueReminderCommands(state, at)]) {
        const decision = decideAccount(cmd, state);
        appended.push(...decision.events);
        state = decision.events.reduce(evolveAccount, state);
      }
    }
    expect(appended.map((e) => (e.type === 'DeletionReminderRecorded' ? e.day : e.type))).toEqual([0, 1, 7, 12, 14]);
  });
});

describe('RecordDeletionReminder', () => {
  it.each<[string, AccountEvent[], AccountCommand, AccountEvent[], AccountsOutcome]>([
    ['a due reminder', [created, scheduled], record(7), [recorded(7)], ACCEPTED],
    ['a reminder recorded late', [created, scheduled], record(1, DAYS(3)), [recorded(1, DAYS(3))], ACCEPTED],
    [
      'a reminder already recorded',
      [created, scheduled, recorded(7)],
      record(7, DAYS(8)),
      [],
      unchangedFor('reminder_already_recorded'),
    ],
  ])('given %s', (_case, given, when, events, outcome) => {
    accountSpec.given(given).when(when).then(events, outcome);
  });

  it.each<[string, AccountEvent[], AccountCommand, AccountsRefusal]>([
    [
      'a reminder not yet due',
      [created, scheduled],
      record(7, DAYS(7) - 1),
      { type: 'reminder_not_due', day: 7, dueAt: DAYS(7) },
    ],
    ['a day without a reminder', [created, scheduled], record(5), { type: 'reminder_not_scheduled', day: 5 }],
    ['no pending deletion', [created], record(0), { type: 'not_pending_deletion' }],
    [
      'a restored account',
      [created, scheduled, event('AccountRestored', {}, DAYS(2))],
      record(7),
      { type: 'not_pending_deletion' },
    ],
  ])('given %s', (_case, given, when, refusal) => {
    accountSpec.given(given).when(when).thenRefused(refusal);
  });

  it('then the reminder carries the time it was recorded', () => {
    const state = replayAccount([created, scheduled, recorded(1, DAYS(3))]);
    expect(state).toMatchObject({
      deletion: { reminders: expect.arrayContaining([{ day: 1, dueAt: DAYS(1), recordedAt: DAYS(3) }]) },
    });
  });
});
