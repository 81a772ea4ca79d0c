import type { AccountEvent } from '@subledger/contracts';
import { command, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { decideAccount } from './account.decide';
import { replayAccount } from './account.evolve';
import { activeKeyIds } from './account.state';

const created = subCreated();
const keys = [keyCreated('k1'), keyCreated('k2'), keyCreated('k3'), event('ApiKeyRevoked', { keyId: 'k3' }, T0 + 2)];
const deactivate = command('DeactivateAccount', {}, T0 + 9);
const deactivated = (revokedKeyIds: string[]) => event('AccountDeactivated', { revokedKeyIds }, T0 + 9);

describe('DeactivateAccount', () => {
  it.each<[string, AccountEvent[], object]>([
    ['an active account with keys: revokes every active key', [created, ...keys], { type: 'accepted', events: [deactivated(['k1', 'k2'])] }],
    ['a suspended account with keys', [created, keyCreated('k1'), event('AccountSuspended', {})], { type: 'accepted', events: [deactivated(['k1'])] }],
    ['an active account without keys: keysRevoked 0', [created], { type: 'accepted', events: [deactivated([])] }],
    ['an inactive account without active keys', [created, ...keys, deactivated(['k1', 'k2'])], { type: 'unchanged', reason: 'already_deactivated', events: [] }],
    [
      'a deletion pending',
      [created, event('DeletionScheduled', { deleteAt: DAYS(14), reminders: [], revokedKeyIds: [] })],
      { type: 'refused', refusal: { type: 'account_pending_deletion' }, events: [] },
    ],
    ['no account', [], { type: 'refused', refusal: { type: 'account_not_found' }, events: [] }],
  ])('given %s', (_case, given, then) => {
    expect(decideAccount(deactivate, replayAccount(given))).toEqual(then);
  });

  it('then the account is inactive, its keys revoked at the deactivation time, revoked keys still listed', () => {
    const state = replayAccount([created, ...keys, deactivated(['k1', 'k2'])]);
    if (state.status !== 'inactive') throw new Error(`expected inactive, got ${state.status}`);
    expect(activeKeyIds(state)).toEqual([]);
    expect([...state.keys.values()].map((key) => [key.keyId, key.revokedAt])).toEqual([
      ['k1', T0 + 9],
      ['k2', T0 + 9],
      ['k3', T0 + 2],
    ]);
  });
});
