import type { AccountChanges, AccountDetailsChanges, AccountEvent, AccountsRefusal } from '@subledger/contracts';
import { CENT, command, DAYS, event, subCreated, T0 } from '../testing/account-fixtures';
import { ACCEPTED, accountSpec, unchangedFor } from '../testing/account-spec';
import { replayAccount } from './account.evolve';

const created = subCreated({ metadata: { plan: 'gold', tier: '2' } });
const update = (changes: AccountChanges) => command('UpdateAccount', { changes }, T0 + 5);
const updated = (changes: AccountDetailsChanges) => event('AccountUpdated', { changes }, T0 + 5);

describe('UpdateAccount', () => {
  it.each<[string, AccountChanges, AccountEvent[]]>([
    ['a new name', { name: 'Acme Two' }, [updated({ name: 'Acme Two' })]],
    ['a cleared external id', { externalId: null }, [updated({ externalId: null })]],
    ['a new credit limit', { creditLimit: 900n * CENT }, [updated({ creditLimit: 900n * CENT })]],
    ['a zero credit limit, meaning none', { creditLimit: 0n }, [updated({ creditLimit: null })]],
    [
      'new metadata, replacing the old whole',
      { metadata: { plan: 'silver' } },
      [updated({ metadata: { plan: 'silver' } })],
    ],
    ['status inactive: a suspension', { status: 'inactive' }, [event('AccountSuspended', {}, T0 + 5)]],
    [
      'several fields, only the changed ones recorded, then the status',
      { name: 'Acme', externalId: 'cust-2', status: 'inactive' },
      [updated({ externalId: 'cust-2' }), event('AccountSuspended', {}, T0 + 5)],
    ],
  ])('given an active account, accepts %s', (_case, changes, events) => {
    accountSpec.given([created]).when(update(changes)).then(events, ACCEPTED);
  });

  it.each<[string, AccountChanges]>([
    ['no fields', {}],
    ['the same values', { name: 'Acme', externalId: 'cust-1', creditLimit: 500n * CENT, status: 'active' }],
    ['the same metadata in another key order', { metadata: { tier: '2', plan: 'gold' } }],
  ])('given %s, changes nothing', (_case, changes) => {
    accountSpec.given([created]).when(update(changes)).then([], unchangedFor('no_changes'));
  });

  it('given a suspended account, status active resumes it', () => {
    const given = [created, event('AccountSuspended', {}, T0 + 1)];
    accountSpec
      .given(given)
      .when(update({ status: 'active' }))
      .then([event('AccountResumed', {}, T0 + 5)], ACCEPTED);
  });

  it('then the account holds the new values and keeps the others', () => {
    const state = replayAccount([created, updated({ name: 'Acme Two', creditLimit: null })]);
    expect(state).toMatchObject({
      name: 'Acme Two',
      creditLimit: null,
      externalId: 'cust-1',
      metadata: { plan: 'gold', tier: '2' },
    });
  });

  it('lists every invalid field', () => {
    const changes = { name: '', metadata: [] as unknown as null, status: 'pending_deletion' as 'active' };
    accountSpec
      .given([created])
      .when(update(changes))
      .thenRefused({
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'empty' },
          { field: 'metadata', reason: 'not_an_object' },
          { field: 'status', reason: 'not_allowed' },
        ],
      });
  });

  it('refuses a credit limit on the main account', () => {
    const main = subCreated({ kind: 'main', creditLimit: null });
    accountSpec
      .given([main])
      .when(update({ creditLimit: CENT }))
      .thenRefused({ type: 'invalid', violations: [{ field: 'creditLimit', reason: 'not_allowed' }] });
  });

  it.each<[string, AccountEvent[], string]>([
    ['no account', [], 'account_not_found'],
    ['a purged account', [event('AccountPurged', { teamId: 't', kind: 'sub', createdAt: T0 })], 'account_purged'],
    [
      'a deletion pending',
      [created, event('DeletionScheduled', { deleteAt: DAYS(14), reminders: [], revokedKeyIds: [] })],
      'account_pending_deletion',
    ],
  ])('given %s, refuses with %s', (_case, given, refusal) => {
    accountSpec
      .given(given)
      .when(update({ name: 'New' }))
      .thenRefused({ type: refusal } as AccountsRefusal);
  });
});
