import { CENT, createSub, MAIN_ID, subCreated, T0, TEAM_ID } from '../testing/account-fixtures';
import { decideAccount } from './account.decide';
import { evolveAccount, replayAccount } from './account.evolve';

describe('CreateAccount', () => {
  it('given no account, creates it with every field', () => {
    expect(decideAccount(createSub(), replayAccount([]))).toEqual({ type: 'accepted', events: [subCreated()] });
  });

  it.each([
    ['no optional fields', { externalId: null, creditLimit: null, metadata: null }, { externalId: null, creditLimit: null, metadata: null }],
    ['a zero credit limit, stored as no limit', { creditLimit: 0n }, { creditLimit: null }],
    ['a main account without limit', { accountId: MAIN_ID, kind: 'main' as const, creditLimit: null }, { accountId: MAIN_ID, kind: 'main' as const, creditLimit: null }],
  ])('given no account, accepts %s', (_case, overrides, stored) => {
    expect(decideAccount(createSub(overrides), replayAccount([]))).toEqual({
      type: 'accepted',
      events: [subCreated({ ...overrides, ...stored })],
    });
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
    expect(decideAccount(createSub(), replayAccount([subCreated()]))).toEqual({
      type: 'refused',
      refusal: { type: 'account_id_taken' },
      events: [],
    });
  });

  it('lists every invalid field, before any other refusal', () => {
    const command = createSub({ name: '', externalId: 'x'.repeat(256), creditLimit: CENT + 1n, metadata: { seats: [3] as unknown as string } });
    expect(decideAccount(command, replayAccount([subCreated()]))).toEqual({
      type: 'refused',
      refusal: {
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'empty' },
          { field: 'externalId', reason: 'too_long' },
          { field: 'creditLimit', reason: 'not_whole_cents' },
          { field: 'metadata.seats', reason: 'not_allowed' },
        ],
      },
      events: [],
    });
  });

  it('refuses a credit limit on a main account', () => {
    const decision = decideAccount(createSub({ kind: 'main', creditLimit: CENT }), replayAccount([]));
    expect(decision).toMatchObject({ type: 'refused', refusal: { violations: [{ field: 'creditLimit', reason: 'not_allowed' }] } });
  });
});
