import type { AccountEvent, AccountsRefusal } from '@subledger/contracts';
import type { AccountsOutcome } from '../decision';
import { command, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { ACCEPTED, accountSpec, unchangedFor } from '../testing/account-spec';
import { replayAccount } from './account.evolve';
import { activeKeyIds } from './account.state';

const created = subCreated();
const keys = [keyCreated('k1'), keyCreated('k2'), keyCreated('k3'), event('ApiKeyRevoked', { keyId: 'k3' }, T0 + 2)];
const deactivate = command('DeactivateAccount', {}, T0 + 9);
const deactivated = (revokedKeyIds: string[]) => event('AccountDeactivated', { revokedKeyIds }, T0 + 9);

describe('DeactivateAccount', () => {
  it.each<[string, AccountEvent[], AccountEvent[], AccountsOutcome]>([
    [
      'an active account with keys: revokes every active key',
      [created, ...keys],
      [deactivated(['k1', 'k2'])],
      ACCEPTED,
    ],
    [
      'a suspended account with keys',
      [created, keyCreated('k1'), event('AccountSuspended', {})],
      [deactivated(['k1'])],
      ACCEPTED,
    ],
    ['an active account without keys: keysRevoked 0', [created], [deactivated([])], ACCEPTED],
    [
      'an inactive account without active keys',
      [created, ...keys, deactivated(['k1', 'k2'])],
      [],
      unchangedFor('already_deactivated'),
    ],
  ])('given %s', (_case, given, events, outcome) => {
    accountSpec.given(given).when(deactivate).then(events, outcome);
  });

  it.each<[string, AccountEvent[], AccountsRefusal]>([
    [
      'a deletion pending',
      [created, event('DeletionScheduled', { deleteAt: DAYS(14), reminders: [], revokedKeyIds: [] })],
      { type: 'account_pending_deletion' },
    ],
    ['no account', [], { type: 'account_not_found' }],
  ])('given %s', (_case, given, refusal) => {
    accountSpec.given(given).when(deactivate).thenRefused(refusal);
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
