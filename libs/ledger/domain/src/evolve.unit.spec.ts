import { evolve } from './evolve';
import { cloneLedgerState, initialState } from './ledger-state';
import { replay } from './replay';
import {
  adjusted,
  chargeAccepted,
  chargeRefunded,
  chargeRefused,
  policySet,
  teamOpened,
  toppedUp,
} from './testing/ledger-fixtures';

const stream = [
  teamOpened('eur'),
  toppedUp('t1', 1_000n, 'invoice-7'),
  adjusted('j1', -100n, 'fee'),
  policySet('sub', 500n),
  chargeAccepted('c1', 'sub', 300n, 'm1'),
  chargeAccepted('c2', 'main', 50n),
  chargeRefused('c3', 'sub', 400n, 'credit_limit_exceeded', { creditLimit: 500n, totalSpent: 300n, balance: 550n }),
  chargeRefunded('c1', 'sub', 300n),
];

describe('evolve and replay', () => {
  it('folds a stream into the balance, the spend per account and the memory of every id', () => {
    const state = replay(stream);

    expect(state.team).toStrictEqual({ teamId: 'team-1', currency: 'eur' });
    expect(state.balance).toBe(1_000n - 100n - 300n - 50n + 300n);
    expect(state.accounts).toStrictEqual(
      new Map([
        ['sub', { creditLimit: 500n, status: 'active', totalSpent: 0n }],
        ['main', { creditLimit: null, status: 'active', totalSpent: 50n }],
      ]),
    );
    expect(state.charges).toStrictEqual(
      new Map([
        ['c1', { accountId: 'sub', amount: 300n, messageId: 'm1', standing: 'refunded' }],
        ['c2', { accountId: 'main', amount: 50n, messageId: undefined, standing: 'accepted' }],
        ['c3', { accountId: 'sub', amount: 400n, messageId: undefined, standing: 'credit_limit_exceeded' }],
      ]),
    );
    expect(state.topUps).toStrictEqual(new Map([['t1', { amount: 1_000n, reference: 'invoice-7' }]]));
    expect(state.adjustments).toStrictEqual(new Map([['j1', { amount: -100n, reason: 'fee' }]]));
  });

  it('keeps a policy change from resetting what the account has spent', () => {
    const state = replay([...stream, chargeAccepted('c4', 'sub', 200n), policySet('sub', null, 'inactive')]);

    expect(state.accounts.get('sub')).toStrictEqual({ creditLimit: null, status: 'inactive', totalSpent: 200n });
  });

  it('applies an event in place and returns the same state object', () => {
    const state = replay(stream.slice(0, 2));

    const next = evolve(state, chargeAccepted('c9', 'sub', 10n));

    expect(next).toBe(state);
    expect(state.balance).toBe(990n);
  });

  it('leaves a clone untouched by later events on the original', () => {
    const state = replay(stream);
    const snapshot = cloneLedgerState(state);
    const copy = structuredClone(snapshot);

    evolve(state, chargeAccepted('c9', 'sub', 10n));
    evolve(state, chargeRefunded('c2', 'main', 50n));

    expect(snapshot).toStrictEqual(copy);
    expect(state).not.toStrictEqual(snapshot);
  });

  it('continues a replay from a given state as if the stream had been read in one go', () => {
    const head = replay(stream.slice(0, 4));

    expect(replay(stream.slice(4), head)).toStrictEqual(replay(stream));
  });

  it('starts from an unopened team with nothing in it', () => {
    expect(replay([])).toStrictEqual(initialState());
    expect(initialState().team).toBeNull();
  });
});
