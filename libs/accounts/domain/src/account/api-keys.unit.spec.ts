import type { AccountEvent, AccountsRefusal } from '@subledger/contracts';
import { command, createKey, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import type { AccountsOutcome } from '../decision';
import { ACCEPTED, accountSpec, unchangedFor } from '../testing/account-spec';
import { replayAccount } from './account.evolve';

const created = subCreated();
const pending = event('DeletionScheduled', { deleteAt: DAYS(14), reminders: [], revokedKeyIds: [] });
const purged = event('AccountPurged', { teamId: 't', kind: 'sub', createdAt: T0 }, DAYS(14));
const revoke = (keyId: string) => command('RevokeApiKey', { keyId }, T0 + 5);

describe('CreateApiKey', () => {
  it.each<[string, AccountEvent[]]>([
    ['an active account', [created]],
    ['a suspended account (its keys answer account_inactive)', [created, event('AccountSuspended', {})]],
    ['a deactivated account', [created, event('AccountDeactivated', { revokedKeyIds: [] })]],
  ])('given %s', (_case, given) => {
    accountSpec
      .given(given)
      .when(createKey('k1'))
      .then([keyCreated('k1')], ACCEPTED);
  });

  it.each<[string, AccountEvent[], AccountsRefusal]>([
    ['the key id taken', [created, keyCreated('k1')], { type: 'key_id_taken' }],
    [
      'the key id taken by a revoked key',
      [created, keyCreated('k1'), event('ApiKeyRevoked', { keyId: 'k1' })],
      { type: 'key_id_taken' },
    ],
    ['a deletion pending', [created, pending], { type: 'account_pending_deletion' }],
    ['a purged account', [purged], { type: 'account_purged' }],
    ['no account', [], { type: 'account_not_found' }],
  ])('given %s', (_case, given, refusal) => {
    accountSpec.given(given).when(createKey('k1')).thenRefused(refusal);
  });

  it('keeps the environment and permissions it was given', () => {
    const when = createKey('k1', { environment: 'test', permissions: ['messages:send'] });
    const { decision } = accountSpec.given([created]).when(when);
    expect(decision).toMatchObject({
      outcome: { type: 'accepted' },
      events: [{ type: 'ApiKeyCreated', environment: 'test', permissions: ['messages:send'] }],
    });
  });

  it('lists every invalid field', () => {
    const when = createKey('k1', {
      name: '',
      environment: 'prod' as 'live',
      permissions: ['a', 'a'],
      prefix: 'sl_',
      digest: '',
    });
    accountSpec
      .given([created])
      .when(when)
      .thenRefused({
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'empty' },
          { field: 'environment', reason: 'not_allowed' },
          { field: 'permissions.1', reason: 'duplicate' },
          { field: 'prefix', reason: 'wrong_length' },
          { field: 'digest', reason: 'empty' },
        ],
      });
  });

  it('then the key is listed, active, with its creation time', () => {
    const state = replayAccount([created, keyCreated('k1', T0 + 3)]);
    expect(state).toMatchObject({
      keys: new Map([
        [
          'k1',
          {
            keyId: 'k1',
            name: 'key k1',
            environment: 'live',
            permissions: null,
            prefix: 'sl_live_sub_',
            digest: 'digest-k1',
            createdAt: T0 + 3,
            revokedAt: null,
          },
        ],
      ]),
    });
  });
});

describe('RevokeApiKey', () => {
  const revokedEarlier = event('ApiKeyRevoked', { keyId: 'k1' }, T0 + 2);
  const deactivated = event('AccountDeactivated', { revokedKeyIds: ['k1'] });

  it.each<[string, AccountEvent[], string, AccountEvent[], AccountsOutcome]>([
    ['an active key', [created, keyCreated('k1')], 'k1', [event('ApiKeyRevoked', { keyId: 'k1' }, T0 + 5)], ACCEPTED],
    [
      'a key revoked before: nothing new',
      [created, keyCreated('k1'), revokedEarlier],
      'k1',
      [],
      unchangedFor('key_already_revoked'),
    ],
    [
      'a key revoked by the deactivation',
      [created, keyCreated('k1'), deactivated],
      'k1',
      [],
      unchangedFor('key_already_revoked'),
    ],
  ])('given %s', (_case, given, keyId, events, outcome) => {
    accountSpec.given(given).when(revoke(keyId)).then(events, outcome);
  });

  it.each<[string, AccountEvent[], string, AccountsRefusal]>([
    ['an unknown key', [created, keyCreated('k1')], 'k2', { type: 'key_not_found' }],
    ['no account', [], 'k1', { type: 'account_not_found' }],
  ])('given %s', (_case, given, keyId, refusal) => {
    accountSpec.given(given).when(revoke(keyId)).thenRefused(refusal);
  });

  it('then the key stays listed with its revocation time', () => {
    const state = replayAccount([created, keyCreated('k1'), event('ApiKeyRevoked', { keyId: 'k1' }, T0 + 5)]);
    expect(state).toMatchObject({ keys: new Map([['k1', expect.objectContaining({ revokedAt: T0 + 5 })]]) });
  });
});
