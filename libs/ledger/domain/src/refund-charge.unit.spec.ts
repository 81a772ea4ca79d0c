import type { Micros } from '@subledger/money';
import type { LedgerAnswer } from './ledger-outcome';
import { ledgerSpec } from './testing/ledger-spec';
import {
  chargeAccepted,
  chargeRefunded,
  chargeRefused,
  policySet,
  refund,
  teamOpened,
  toppedUp,
} from './testing/ledger-fixtures';

const charged = [teamOpened(), toppedUp('t1', 1_000n), policySet('sub', 500n), chargeAccepted('c1', 'sub', 300n)];

function refunded(balance: Micros, totalSpent: Micros, replayed: boolean): LedgerAnswer {
  return { type: 'charge_refunded', chargeId: 'c1', accountId: 'sub', amount: 300n, balance, totalSpent, replayed };
}

describe('RefundCharge', () => {
  it('refunds an accepted charge: the balance and the spend get the amount back', () =>
    ledgerSpec
      .given(charged)
      .when(refund('c1', 'message_failed', 'r1'))
      .then([chargeRefunded('c1', 'sub', 300n, 'message_failed', 'r1')], refunded(1_000n, 0n, false)));

  it('answers a second refund of the same charge with the first, appending nothing', () =>
    ledgerSpec
      .given([...charged, chargeRefunded('c1', 'sub', 300n)])
      .when(refund('c1', 'message_failed'))
      .then([], refunded(1_000n, 0n, true)));

  it('answers a second refund with the first even when its refund id and reason differ', () =>
    ledgerSpec
      .given([...charged, chargeRefunded('c1', 'sub', 300n, 'message_failed', 'r1')])
      .when(refund('c1', 'operator request', 'r2'))
      .then([], refunded(1_000n, 0n, true)));

  it('rejects a refund of a charge the ledger never saw', () =>
    ledgerSpec.given(charged).when(refund('c9')).thenRefused({ reason: 'charge_not_found', chargeId: 'c9' }));

  it('rejects a refund of a refused charge, which took no money', () =>
    ledgerSpec
      .given([
        ...charged,
        chargeRefused('c2', 'sub', 900n, 'credit_limit_exceeded', {
          creditLimit: 500n,
          totalSpent: 300n,
          balance: 700n,
        }),
      ])
      .when(refund('c2'))
      .thenRefused({ reason: 'charge_not_refundable', chargeId: 'c2', refusedFor: 'credit_limit_exceeded' }));

  it('rejects a refund without a reason', () =>
    ledgerSpec.given(charged).when(refund('c1', '  ')).thenRefused({ reason: 'invalid_reason' }));

  it('rejects a refund on a team never opened', () =>
    ledgerSpec.given([]).when(refund('c1')).thenRefused({ reason: 'team_not_found', teamId: 'team-1' }));
});
