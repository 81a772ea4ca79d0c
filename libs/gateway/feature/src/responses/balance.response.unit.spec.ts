import { balanceView, spendView } from './testing/views';
import { toBalance } from './balance.response';

const CENT = 10_000n;

describe('balance object', () => {
  it('gives a main account the team balance in cents rounded down', () => {
    expect(toBalance(balanceView({ balance: 100n * CENT + 9_999n }))).toEqual({
      balance: 100,
      currency: 'usd',
      isSubAccount: false,
    });
  });

  it('adds spend (rounded up) and credit limit for a sub-account', () => {
    const spend = spendView({ totalSpent: 5n * CENT + 1n, creditLimit: 20n * CENT });
    expect(toBalance(balanceView({ balance: 42n * CENT }), spend)).toEqual({
      balance: 42,
      currency: 'usd',
      isSubAccount: true,
      totalSpent: 6,
      creditLimit: 20,
    });
  });

  it('shows a sub-account without a cap as creditLimit null', () => {
    expect(toBalance(balanceView(), spendView())).toMatchObject({
      isSubAccount: true,
      totalSpent: 0,
      creditLimit: null,
    });
  });
});
