import type { AccountEvent, AccountsRefusal } from '@subledger/contracts';
import type { AccountsOutcome } from '../decision';
import { DAY_MS } from '../values/deletion-retention.value-object';
import { command, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { ACCEPTED, accountSpec, unchangedFor } from '../testing/account-spec';
import { replayAccount } from './account.evolve';

const created = subCreated();
const schedule = (retentionMs?: number) =>
  command('ScheduleDeletion', retentionMs === undefined ? {} : { retentionMs });
const defaultReminders = [0, 1, 7, 12, 14].map((day) => ({ day, dueAt: DAYS(day) }));
const scheduled = (revokedKeyIds: string[] = []) =>
  event('DeletionScheduled', { deleteAt: DAYS(14), reminders: defaultReminders, revokedKeyIds });

describe('ScheduleDeletion', () => {
  it('given an active account with keys, revokes them all and sets deleteAt 14 days ahead with reminders on days 0, 1, 7, 12, 14', () => {
    const given = [created, keyCreated('k1'), keyCreated('k2'), event('ApiKeyRevoked', { keyId: 'k2' })];
    accountSpec
      .given(given)
      .when(schedule())
      .then([scheduled(['k1'])], ACCEPTED);
  });

  it.each<[string, number, { day: number; dueAt: number }[]]>([
    [
      '3 days',
      3 * DAY_MS,
      [
        [0, 0],
        [1, 1],
        [3, 3],
      ].map(([day, at]) => ({ day, dueAt: DAYS(at) })),
    ],
    [
      'exactly 1 day',
      DAY_MS,
      [
        { day: 0, dueAt: T0 },
        { day: 1, dueAt: DAYS(1) },
      ],
    ],
    [
      'one hour',
      3_600_000,
      [
        { day: 0, dueAt: T0 },
        { day: 1, dueAt: T0 + 3_600_000 },
      ],
    ],
    [
      '12.5 days',
      12.5 * DAY_MS,
      [0, 1, 7, 12].map((day) => ({ day, dueAt: DAYS(day) })).concat({ day: 13, dueAt: DAYS(12.5) }),
    ],
    [
      '30 days',
      30 * DAY_MS,
      [0, 1, 7, 12].map((day) => ({ day, dueAt: DAYS(day) })).concat({ day: 30, dueAt: DAYS(30) }),
    ],
  ])('with a retention of %s, ends with the final reminder at deleteAt', (_case, retentionMs, reminders) => {
    accountSpec
      .given([created])
      .when(schedule(retentionMs))
      .then([event('DeletionScheduled', { deleteAt: T0 + retentionMs, reminders, revokedKeyIds: [] })], ACCEPTED);
  });

  it.each<[string, AccountEvent[], AccountEvent[], AccountsOutcome]>([
    ['a suspended account: accepted', [created, event('AccountSuspended', {})], [scheduled()], ACCEPTED],
    [
      'a deletion already pending: unchanged, deleteAt kept',
      [created, scheduled()],
      [],
      unchangedFor('already_pending_deletion'),
    ],
  ])('given %s', (_case, given, events, outcome) => {
    accountSpec.given(given).when(schedule()).then(events, outcome);
  });

  it.each<[string, AccountEvent[], AccountsRefusal]>([['no account', [], { type: 'account_not_found' }]])(
    'given %s',
    (_case, given, refusal) => {
      accountSpec.given(given).when(schedule()).thenRefused(refusal);
    },
  );

  it.each([0, -1, 1.5])('refuses a retention of %d ms', (retentionMs) => {
    const { decision } = accountSpec.given([created]).when(schedule(retentionMs));
    expect(decision).toMatchObject({
      events: [],
      outcome: { type: 'refused', refusal: { type: 'invalid', violations: [{ field: 'retentionMs' }] } },
    });
  });

  it('then the account is pending deletion, keyless, with its schedule', () => {
    const state = replayAccount([created, keyCreated('k1'), scheduled(['k1'])]);
    expect(state).toMatchObject({
      status: 'pending_deletion',
      deletion: {
        scheduledAt: T0,
        deleteAt: DAYS(14),
        reminders: defaultReminders.map((r) => ({ ...r, recordedAt: null })),
      },
      keys: new Map([['k1', expect.objectContaining({ revokedAt: T0 })]]),
    });
  });
});
