import { CENT, createSub, MAIN_ID, subCreated, T0, TEAM_ID } from '../testing/account-fixtures';
import { ACCEPTED, accountSpec } from '../testing/account-spec';
import { evolveAccount, replayAccount } from './account.evolve';

describe('CreateAccount', () => {
  it('given no account, creates it with every field', () => {
    accountSpec.given([]).when(createSub()).then([subCreated()], ACCEPTED);
  });

  it.each([
    [
      'no optional fields',
      { externalId: null, creditLimit: null, metadata: null },
      { externalId: null, creditLimit: null, metadata: null },
    ],
    ['a zero credit limit, stored as no limit', { creditLimit: 0n }, { creditLimit: null }],
    [
      'a main account without limit',
      { accountId: MAIN_ID, kind: 'main' as const, creditLimit: null },
      { accountId: MAIN_ID, kind: 'main' as const, creditLimit: null },
    ],
  ])('given no account, accepts %s', (_case, overrides, stored) => {
    accountSpec
      .given([])
      .when(createSub(overrides))
      .then([subCreated({ ...overrides, ...stored })], ACCEPTED);
  });

  it('then the account is active, keyless, created at the command time', () => {
    expect(evolveAccount(replayAccount([]), subCreated())).toEqual({
      status: 'active',
      accountId: 'acc-sub',
      teamId: TEAM_ID,
      kind: 'sub',
      name: 'Acme',
      externalId: 'cust-1',
      creditLimit: 500n * CENT,
      metadata: { plan: 'gold' },
      createdAt: T0,
      keys: new Map(),
    });
  });

  it('given the id is taken, refuses', () => {
    accountSpec.given([subCreated()]).when(createSub()).thenRefused({ type: 'account_id_taken' });
  });

  it('lists every invalid field, before any other refusal', () => {
    const command = createSub({
      name: '',
      externalId: 'x'.repeat(256),
      creditLimit: CENT + 1n,
      metadata: { seats: [3] as unknown as string },
    });
    accountSpec
      .given([subCreated()])
      .when(command)
      .thenRefused({
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'empty' },
          { field: 'externalId', reason: 'too_long' },
          { field: 'creditLimit', reason: 'not_whole_cents' },
          { field: 'metadata.seats', reason: 'not_allowed' },
        ],
      });
  });

  it('refuses a credit limit on a main account', () => {
    accountSpec
      .given([])
      .when(createSub({ kind: 'main', creditLimit: CENT }))
      .thenRefused({ type: 'invalid', violations: [{ field: 'creditLimit', reason: 'not_allowed' }] });
  });
});
