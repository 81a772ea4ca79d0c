import { ledgerSpec } from './testing/ledger-spec';
import { adjust, adjusted, teamOpened, toppedUp } from './testing/ledger-fixtures';

const MAX = 2n ** 63n - 1n;
const funded = [teamOpened(), toppedUp('t1', 1_000n)];

describe('Adjust', () => {
  it('records a credit', () =>
    ledgerSpec
      .given(funded)
      .when(adjust('j1', 250n, 'goodwill credit'))
      .then([adjusted('j1', 250n, 'goodwill credit')], {
        type: 'balance_adjusted',
        adjustmentId: 'j1',
        amount: 250n,
        balance: 1_250n,
        replayed: false,
      }));

  it('records a debit that takes the balance to exactly zero', () =>
    ledgerSpec
      .given(funded)
      .when(adjust('j1', -1_000n))
      .then([adjusted('j1', -1_000n)], {
        type: 'balance_adjusted',
        adjustmentId: 'j1',
        amount: -1_000n,
        balance: 0n,
        replayed: false,
      }));

  it('rejects a debit that would take the balance below zero', () =>
    ledgerSpec
      .given(funded)
      .when(adjust('j1', -1_001n))
      .thenRefused({ reason: 'insufficient_balance', balance: 1_000n, amount: -1_001n }));

  it('replays the same adjustment without a new event', () =>
    ledgerSpec
      .given([...funded, adjusted('j1', -100n)])
      .when(adjust('j1', -100n))
      .then([], { type: 'balance_adjusted', adjustmentId: 'j1', amount: -100n, balance: 900n, replayed: true }));

  it('rejects an adjustment id reused with another amount', () =>
    ledgerSpec
      .given([...funded, adjusted('j1', -100n)])
      .when(adjust('j1', 100n))
      .thenRefused({ reason: 'adjustment_id_reused', adjustmentId: 'j1' }));

  it('rejects an adjustment id reused with another reason', () =>
    ledgerSpec
      .given([...funded, adjusted('j1', -100n)])
      .when(adjust('j1', -100n, 'another story'))
      .thenRefused({ reason: 'adjustment_id_reused', adjustmentId: 'j1' }));

  it('rejects an adjustment of zero', () =>
    ledgerSpec.given(funded).when(adjust('j1', 0n)).thenRefused({ reason: 'invalid_amount', amount: 0n }));

  it('rejects an adjustment with a blank reason', () =>
    ledgerSpec
      .given(funded)
      .when(adjust('j1', 5n, ' \n'))
      .thenRefused({ reason: 'invalid_reason' }));

  it('rejects a credit that would take the balance past a signed 64-bit integer', () =>
    ledgerSpec
      .given([teamOpened(), toppedUp('t1', MAX)])
      .when(adjust('j1', 1n))
      .thenRefused({ reason: 'balance_overflow', balance: MAX, amount: 1n }));

  it('rejects an adjustment of a team never opened', () =>
    ledgerSpec.given([]).when(adjust('j1', 5n)).thenRefused({ reason: 'team_not_found', teamId: 'team-1' }));
});
