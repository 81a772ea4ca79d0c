import type { AccountEvent } from '@subledger/contracts';
import { command, createKey, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { decideAccount } from './account.decide';
import { replayAccount } from './account.evolve';

const created = subCreated();
const pending = event('DeletionScheduled', { deleteAt: DAYS(14), reminders: [], revokedKeyIds: [] });
const purged = event('AccountPurged', { teamId: 't', kind: 'sub', createdAt: T0 }, DAYS(14));
const revoke = (keyId: string) => command('RevokeApiKey', { keyId }, T0 + 5);

describe('CreateApiKey', () => {
  it.each<[string, AccountEvent[], object]>([
    ['an active account', [created], { type: 'accepted', events: [keyCreated('k1')] }],
    ['a suspended account (its keys answer account_inactive)', [created, event('AccountSuspended', {})], { type: 'accepted', events: [keyCreated('k1')] }],
    ['a deactivated account', [created, event('AccountDeactivated', { revokedKeyIds: [] })], { type: 'accepted', events: [keyCreated('k1')] }],
    ['the key id taken', [created, keyCreated('k1')], { type: 'refused', refusal: { type: 'key_id_taken' }, events: [] }],
    ['the key id taken by a revoked key', [created, keyCreated('k1'), event('ApiKeyRevoked', { keyId: 'k1' })], { type: 'refused', refusal: { type: 'key_id_taken' }, events: [] }],
    ['a deletion pending', [created, pending], { type: 'refused', refusal: { type: 'account_pending_deletion' }, events: [] }],
    ['a purged account', [purged], { type: 'refused', refusal: { type: 'account_purged' }, events: [] }],
    ['no account', [], { type: 'refused', refusal: { type: 'account_not_found' }, events: [] }],
  ])('given %s', (_case, given, then) => {
    expect(decideAccount(createKey('k1'), replayAccount(given))).toEqual(then);
  });

  it('keeps the environment and permissions it was given', () => {
    const when = createKey('k1', { environment: 'test', permissions: ['messages:send'] });
    expect(decideAccount(when, replayAccount([created]))).toMatchObject({
      type: 'accepted',
      events: [{ type: 'ApiKeyCreated', environment: 'test', permissions: ['messages:send'] }],
    });
  });

  it('lists every invalid field', () => {
    const when = createKey('k1', { name: '', environment: 'prod' as 'live', permissions: ['a', 'a'], prefix: 'sl_', digest: '' });
    expect(decideAccount(when, replayAccount([created]))).toEqual({
      type: 'refused',
      refusal: {
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'empty' },
          { field: 'environment', reason: 'not_allowed' },
          { field: 'permissions.1', reason: 'duplicate' },
          { field: 'prefix', reason: 'wrong_length' },
          { field: 'digest', reason: 'empty' },
        ],
      },
      events: [],
    });
  });

  it('then the key is listed, active, with its creation time', () => {
    const state = replayAccount([created, keyCreated('k1', T0 + 3)]);
    expect(state).toMatchObject({
      keys: new Map([
        [
          'k1',
          { keyId: 'k1', name: 'key k1', environment: 'live', permissions: null, prefix: 'sl_live_sub_', digest: 'digest-k1', createdAt: T0 + 3, revokedAt: null },
        ],
      ]),
    });
  });
});

describe('RevokeApiKey', () => {
  const revokedEarlier = event('ApiKeyRevoked', { keyId: 'k1' }, T0 + 2);
  const deactivated = event('AccountDeactivated', { revokedKeyIds: ['k1'] });

  it.each<[string, AccountEvent[], string, object]>([
    ['an active key', [created, keyCreated('k1')], 'k1', { type: 'accepted', events: [event('ApiKeyRevoked', { keyId: 'k1' }, T0 + 5)] }],
    ['a key revoked before: nothing new', [created, keyCreated('k1'), revokedEarlier], 'k1', { type: 'unchanged', reason: 'key_already_revoked', events: [] }],
    ['a key revoked by the deactivation', [created, keyCreated('k1'), deactivated], 'k1', { type: 'unchanged', reason: 'key_already_revoked', events: [] }],
    ['an unknown key', [created, keyCreated('k1')], 'k2', { type: 'refused', refusal: { type: 'key_not_found' }, events: [] }],
    ['no account', [], 'k1', { type: 'refused', refusal: { type: 'account_not_found' }, events: [] }],
  ])('given %s', (_case, given, keyId, then) => {
    expect(decideAccount(revoke(keyId), replayAccount(given))).toEqual(then);
  });

  it('then the key stays listed with its revocation time', () => {
    const state = replayAccount([created, keyCreated('k1'), event('ApiKeyRevoked', { keyId: 'k1' }, T0 + 5)]);
    expect(state).toMatchObject({ keys: new Map([['k1', expect.objectContaining({ revokedAt: T0 + 5 })]]) });
  });
});
