import type { LedgerOutcome } from '@subledger/contracts';
import { ApiError } from '../shared';
import { expectOutcome } from './expect-outcome';

const accepted: LedgerOutcome = {
  type: 'charge_accepted',
  chargeId: 'c',
  accountId: 'a',
  amount: 1n,
  balance: 9n,
  totalSpent: 1n,
  replayed: false,
};

function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('expectOutcome', () => {
  it('gives back the outcome the command was sent for, replayed or not', () => {
    expect(expectOutcome(accepted, 'charge_accepted')).toBe(accepted);
    expect(expectOutcome({ ...accepted, replayed: true }, 'charge_accepted').replayed).toBe(true);
  });

  it('throws the mapped error of a refused charge', () => {
    const refused: LedgerOutcome = {
      type: 'charge_refused',
      chargeId: 'c',
      accountId: 'a',
      amount: 1n,
      reason: 'account_inactive',
      creditLimit: null,
      totalSpent: 0n,
      balance: 0n,
      replayed: false,
    };
    expect(thrown(() => expectOutcome(refused, 'charge_accepted')).code).toBe('account_inactive');
  });

  it('throws the mapped error of a refused command', () => {
    const refused: LedgerOutcome = { type: 'refused', refusal: { reason: 'team_not_found', teamId: 't' } };
    expect(thrown(() => expectOutcome(refused, 'top_up_recorded')).getStatus()).toBe(404);
  });

  it('treats an outcome of another command as a broken contract, not a client error', () => {
    expect(() => expectOutcome(accepted, 'top_up_recorded')).toThrow(TypeError);
  });
});
