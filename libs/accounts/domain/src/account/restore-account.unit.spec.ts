import type { AccountEvent, AccountsRefusal } from '@subledger/contracts';
import { command, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { ACCEPTED, accountSpec } from '../testing/account-spec';
import { replayAccount } from './account.evolve';
import { activeKeyIds } from './account.state';
import { reminderSchedule } from './deletion-reminders';

const created = subCreated();
const scheduled = event('DeletionScheduled', {
  deleteAt: DAYS(14),
  reminders: reminderSchedule(T0, DAYS(14)),
  revokedKeyIds: ['k1'],
});
const restore = (at: number) => command('RestoreAccount', {}, at);

describe('RestoreAccount', () => {
  it.each<[string, AccountEvent[], number, AccountEvent[]]>([
    [
      'on day 13, within the window',
      [created, keyCreated('k1', T0), scheduled],
      DAYS(13),
      [event('AccountRestored', {}, DAYS(13))],
    ],
    [
      'one millisecond before deleteAt',
      [created, scheduled],
      DAYS(14) - 1,
      [event('AccountRestored', {}, DAYS(14) - 1)],
    ],
  ])('given a deletion scheduled on day 0, restoring %s', (_case, given, at, events) => {
    accountSpec.given(given).when(restore(at)).then(events, ACCEPTED);
  });

  it.each<[string, AccountEvent[], number, AccountsRefusal]>([
    ['at deleteAt', [created, scheduled], DAYS(14), { type: 'deletion_window_closed', deleteAt: DAYS(14) }],
    ['no pending deletion', [created], T0, { type: 'not_pending_deletion' }],
    ['no account', [], T0, { type: 'account_not_found' }],
  ])('given a deletion scheduled on day 0, restoring %s', (_case, given, at, refusal) => {
    accountSpec.given(given).when(restore(at)).thenRefused(refusal);
  });

  it('then the account is active, without active keys or schedule', () => {
    const state = replayAccount([created, keyCreated('k1', T0), scheduled, event('AccountRestored', {}, DAYS(3))]);
    if (state.status !== 'active') throw new Error(`expected active, got ${state.status}`);
    expect(activeKeyIds(state)).toEqual([]);
    expect('deletion' in state).toBe(false);
  });
});
