import { ledgerSpec } from './testing/ledger-spec';
import { teamOpened, topUp, toppedUp } from './testing/ledger-fixtures';

const MAX = 2n ** 63n - 1n;
const opened = [teamOpened()];
const withTopUp = [teamOpened(), toppedUp('t1', 1_000n, 'invoice-7')];

describe('TopUp', () => {
  it('records a top-up', () =>
    ledgerSpec
      .given(opened)
      .when(topUp('t1', 1_000n, 'invoice-7'))
      .then([toppedUp('t1', 1_000n, 'invoice-7')], {
        type: 'top_up_recorded',
        topUpId: 't1',
        amount: 1_000n,
        balance: 1_000n,
        replayed: false,
      }));

  it('records a top-up without a reference', () =>
    ledgerSpec
      .given(withTopUp)
      .when(topUp('t2', 1n))
      .then([toppedUp('t2', 1n)], {
        type: 'top_up_recorded',
        topUpId: 't2',
        amount: 1n,
        balance: 1_001n,
        replayed: false,
      }));

  it('replays the same top-up without a new event', () =>
    ledgerSpec
      .given(withTopUp)
      .when(topUp('t1', 1_000n, 'invoice-7'))
      .then([], { type: 'top_up_recorded', topUpId: 't1', amount: 1_000n, balance: 1_000n, replayed: true }));

  it('rejects a top-up id reused with another amount', () =>
    ledgerSpec
      .given(withTopUp)
      .when(topUp('t1', 999n, 'invoice-7'))
      .thenRefused({ reason: 'top_up_id_reused', topUpId: 't1' }));

  it('rejects a top-up id reused with another reference', () =>
    ledgerSpec.given(withTopUp).when(topUp('t1', 1_000n)).thenRefused({ reason: 'top_up_id_reused', topUpId: 't1' }));

  it('rejects a zero top-up', () =>
    ledgerSpec.given(opened).when(topUp('t1', 0n)).thenRefused({ reason: 'invalid_amount', amount: 0n }));

  it('rejects a negative top-up', () =>
    ledgerSpec.given(opened).when(topUp('t1', -1n)).thenRefused({ reason: 'invalid_amount', amount: -1n }));

  it('rejects a top-up that would take the balance past a signed 64-bit integer', () =>
    ledgerSpec
      .given([teamOpened(), toppedUp('t1', MAX)])
      .when(topUp('t2', 1n))
      .thenRefused({ reason: 'balance_overflow', balance: MAX, amount: 1n }));

  it('rejects a top-up of a team never opened', () =>
    ledgerSpec.given([]).when(topUp('t1', 1n)).thenRefused({ reason: 'team_not_found', teamId: 'team-1' }));
});
