import type { AccountEvent } from '@subledger/contracts';
import { command, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { decideAccount } from './account.decide';
import { replayAccount } from './account.evolve';
import { activeKeyIds } from './account.state';
import { reminderSchedule } from './deletion-reminders';

const created = subCreated();
const scheduled = event('DeletionScheduled', { deleteAt: DAYS(14), reminders: reminderSchedule(T0, DAYS(14)), revokedKeyIds: ['k1'] });
const restore = (at: number) => command('RestoreAccount', {}, at);

describe('RestoreAccount', () => {
  it.each<[string, AccountEvent[], number, object]>([
    ['on day 13, within the window', [created, keyCreated('k1', T0), scheduled], DAYS(13), { type: 'accepted', events: [event('AccountRestored', {}, DAYS(13))] }],
    ['one millisecond before deleteAt', [created, scheduled], DAYS(14) - 1, { type: 'accepted', events: [event('AccountRestored', {}, DAYS(14) - 1)] }],
    ['at deleteAt', [created, scheduled], DAYS(14), { type: 'refused', refusal: { type: 'deletion_window_closed', deleteAt: DAYS(14) }, events: [] }],
    ['no pending deletion', [created], T0, { type: 'refused', refusal: { type: 'not_pending_deletion' }, events: [] }],
    ['no account', [], T0, { type: 'refused', refusal: { type: 'account_not_found' }, events: [] }],
  ])('given a deletion scheduled on day 0, restoring %s', (_case, given, at, then) => {
    expect(decideAccount(restore(at), replayAccount(given))).toEqual(then);
  });

  it('then the account is active, without active keys or schedule', () => {
    const state = replayAccount([created, keyCreated('k1', T0), scheduled, event('AccountRestored', {}, DAYS(3))]);
    if (state.status !== 'active') throw new Error(`expected active, got ${state.status}`);
    expect(activeKeyIds(state)).toEqual([]);
    expect('deletion' in state).toBe(false);
  });
});
