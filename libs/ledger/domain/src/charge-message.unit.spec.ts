import type { ChargeRefusalReason } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import type { LedgerAnswer } from './ledger-outcome';
import { ledgerSpec } from './testing/ledger-spec';
import {
  charge,
  chargeAccepted,
  chargeRefunded,
  chargeRefused,
  policySet,
  teamOpened,
  toppedUp,
} from './testing/ledger-fixtures';
import type { RefusalNumbers } from './testing/ledger-fixtures';

const funded = [teamOpened(), toppedUp('t1', 1_000n)];
const capped = [...funded, policySet('sub', 500n)];

/** The numbers a refusal was decided on: the account's limit and spend, the team's balance. */
const seen = (creditLimit: Micros | null, totalSpent: Micros, balance: Micros): RefusalNumbers => ({
  creditLimit,
  totalSpent,
  balance,
});

function accepted(
  chargeId: string,
  amount: Micros,
  balance: Micros,
  totalSpent: Micros,
  replayed = false,
): LedgerAnswer {
  return { type: 'charge_accepted', chargeId, accountId: 'sub', amount, balance, totalSpent, replayed };
}

function refused(
  chargeId: string,
  amount: Micros,
  reason: ChargeRefusalReason,
  numbers: RefusalNumbers,
  replayed = false,
): LedgerAnswer {
  return { type: 'charge_refused', chargeId, accountId: 'sub', amount, reason, ...numbers, replayed };
}

describe('ChargeMessage', () => {
  describe('accepted', () => {
    it('accepts a charge of an account without a policy: active, no cap', () =>
      ledgerSpec
        .given(funded)
        .when(charge('c1', 'sub', 400n, 'm1'))
        .then([chargeAccepted('c1', 'sub', 400n, 'm1')], accepted('c1', 400n, 600n, 400n)));

    it('accepts a charge under the limit', () =>
      ledgerSpec
        .given(capped)
        .when(charge('c1', 'sub', 300n))
        .then([chargeAccepted('c1', 'sub', 300n)], accepted('c1', 300n, 700n, 300n)));

    it('accepts a charge that reaches the limit exactly', () =>
      ledgerSpec
        .given([...capped, chargeAccepted('c0', 'sub', 200n)])
        .when(charge('c1', 'sub', 300n))
        .then([chargeAccepted('c1', 'sub', 300n)], accepted('c1', 300n, 500n, 500n)));

    it('accepts a charge equal to the whole balance', () =>
      ledgerSpec
        .given(funded)
        .when(charge('c1', 'sub', 1_000n))
        .then([chargeAccepted('c1', 'sub', 1_000n)], accepted('c1', 1_000n, 0n, 1_000n)));

    it('accepts again once a refund has made room under the limit', () =>
      ledgerSpec
        .given([...capped, chargeAccepted('c0', 'sub', 500n), chargeRefunded('c0', 'sub', 500n)])
        .when(charge('c1', 'sub', 500n))
        .then([chargeAccepted('c1', 'sub', 500n)], accepted('c1', 500n, 500n, 500n)));

    it('accepts again once a suspended account is resumed', () =>
      ledgerSpec
        .given([...funded, policySet('sub', null, 'inactive'), policySet('sub', null, 'active')])
        .when(charge('c1', 'sub', 1n))
        .then([chargeAccepted('c1', 'sub', 1n)], accepted('c1', 1n, 999n, 1n)));
  });
  describe('refused and recorded', () => {
    it('refuses one micro over the limit, and records the refusal', () =>
      ledgerSpec
        .given([...capped, chargeAccepted('c0', 'sub', 200n)])
        .when(charge('c1', 'sub', 301n))
        .then(
          [chargeRefused('c1', 'sub', 301n, 'credit_limit_exceeded', seen(500n, 200n, 800n))],
          refused('c1', 301n, 'credit_limit_exceeded', seen(500n, 200n, 800n)),
        ));

    it('refuses every charge once the spend has reached the limit', () =>
      ledgerSpec
        .given([...capped, chargeAccepted('c0', 'sub', 500n)])
        .when(charge('c1', 'sub', 1n))
        .then(
          [chargeRefused('c1', 'sub', 1n, 'credit_limit_exceeded', seen(500n, 500n, 500n))],
          refused('c1', 1n, 'credit_limit_exceeded', seen(500n, 500n, 500n)),
        ));

    it('refuses every charge when the limit was lowered below the spend', () =>
      ledgerSpec
        .given([...funded, chargeAccepted('c0', 'sub', 300n), policySet('sub', 100n)])
        .when(charge('c1', 'sub', 1n))
        .then(
          [chargeRefused('c1', 'sub', 1n, 'credit_limit_exceeded', seen(100n, 300n, 700n))],
          refused('c1', 1n, 'credit_limit_exceeded', seen(100n, 300n, 700n)),
        ));

    it('refuses any charge under a limit of zero', () =>
      ledgerSpec
        .given([...funded, policySet('sub', 0n)])
        .when(charge('c1', 'sub', 1n))
        .then(
          [chargeRefused('c1', 'sub', 1n, 'credit_limit_exceeded', seen(0n, 0n, 1_000n))],
          refused('c1', 1n, 'credit_limit_exceeded', seen(0n, 0n, 1_000n)),
        ));

    it('refuses a charge one micro above the balance', () =>
      ledgerSpec
        .given(funded)
        .when(charge('c1', 'sub', 1_001n))
        .then(
          [chargeRefused('c1', 'sub', 1_001n, 'insufficient_balance', seen(null, 0n, 1_000n))],
          refused('c1', 1_001n, 'insufficient_balance', seen(null, 0n, 1_000n)),
        ));

    it('refuses a charge of a suspended account', () =>
      ledgerSpec
        .given([...funded, policySet('sub', null, 'inactive')])
        .when(charge('c1', 'sub', 1n))
        .then(
          [chargeRefused('c1', 'sub', 1n, 'account_inactive', seen(null, 0n, 1_000n))],
          refused('c1', 1n, 'account_inactive', seen(null, 0n, 1_000n)),
        ));
  });
  describe('precedence of refusals', () => {
    it('precedence: a suspended account over the limit and short of balance is refused as inactive', () =>
      ledgerSpec
        .given([teamOpened(), toppedUp('t1', 10n), policySet('sub', 5n, 'inactive')])
        .when(charge('c1', 'sub', 20n))
        .then(
          [chargeRefused('c1', 'sub', 20n, 'account_inactive', seen(5n, 0n, 10n))],
          refused('c1', 20n, 'account_inactive', seen(5n, 0n, 10n)),
        ));

    it('precedence: over the limit and short of balance is refused for the limit', () =>
      ledgerSpec
        .given([teamOpened(), toppedUp('t1', 10n), policySet('sub', 5n)])
        .when(charge('c1', 'sub', 20n))
        .then(
          [chargeRefused('c1', 'sub', 20n, 'credit_limit_exceeded', seen(5n, 0n, 10n))],
          refused('c1', 20n, 'credit_limit_exceeded', seen(5n, 0n, 10n)),
        ));
  });
  describe('rejected without a record', () => {
    it('rejects a zero amount, recording nothing', () =>
      ledgerSpec
        .given(funded)
        .when(charge('c1', 'sub', 0n))
        .thenRefused({ reason: 'invalid_amount', amount: 0n }));

    it('rejects a negative amount, recording nothing', () =>
      ledgerSpec
        .given(funded)
        .when(charge('c1', 'sub', -5n))
        .thenRefused({ reason: 'invalid_amount', amount: -5n }));

    it('rejects an amount beyond a signed 64-bit integer', () =>
      ledgerSpec
        .given(funded)
        .when(charge('c1', 'sub', 2n ** 63n))
        .thenRefused({ reason: 'invalid_amount', amount: 2n ** 63n }));

    it('rejects a charge to a team never opened', () =>
      ledgerSpec
        .given([])
        .when(charge('c1', 'sub', 1n))
        .thenRefused({ reason: 'team_not_found', teamId: 'team-1' }));

    it('rejects a charge addressed to another team than the stream holds', () =>
      ledgerSpec
        .given([teamOpened('usd', 'team-2'), toppedUp('t1', 1_000n)])
        .when(charge('c1', 'sub', 1n))
        .thenRefused({ reason: 'team_not_found', teamId: 'team-1' }));
  });
  describe('idempotency', () => {
    it('replays an accepted charge without a new event, reporting the current numbers', () =>
      ledgerSpec
        .given([...capped, chargeAccepted('c1', 'sub', 300n, 'm1'), chargeAccepted('c2', 'sub', 100n)])
        .when(charge('c1', 'sub', 300n, 'm1'))
        .then([], accepted('c1', 300n, 600n, 400n, true)));

    it('replays a refunded charge as the acceptance it was', () =>
      ledgerSpec
        .given([...funded, chargeAccepted('c1', 'sub', 300n), chargeRefunded('c1', 'sub', 300n)])
        .when(charge('c1', 'sub', 300n))
        .then([], accepted('c1', 300n, 1_000n, 0n, true)));

    it('replays a refused charge as refused, even when it would now pass', () =>
      ledgerSpec
        .given([
          ...funded,
          chargeRefused('c1', 'sub', 2_000n, 'insufficient_balance', seen(null, 0n, 1_000n)),
          toppedUp('t2', 5_000n),
        ])
        .when(charge('c1', 'sub', 2_000n))
        .then([], refused('c1', 2_000n, 'insufficient_balance', seen(null, 0n, 6_000n), true)));

    it.each([
      { change: 'another amount', when: charge('c1', 'sub', 301n, 'm1') },
      { change: 'another account', when: charge('c1', 'other', 300n, 'm1') },
      { change: 'another message id', when: charge('c1', 'sub', 300n, 'm2') },
      { change: 'no message id', when: charge('c1', 'sub', 300n) },
    ])('rejects a charge id reused with $change', ({ when }) =>
      ledgerSpec
        .given([...funded, chargeAccepted('c1', 'sub', 300n, 'm1')])
        .when(when)
        .thenRefused({ reason: 'charge_id_reused', chargeId: 'c1' }),
    );

    it('rejects a refused charge id reused with other fields', () =>
      ledgerSpec
        .given([...funded, chargeRefused('c1', 'sub', 2_000n, 'insufficient_balance', seen(null, 0n, 1_000n))])
        .when(charge('c1', 'sub', 10n))
        .thenRefused({ reason: 'charge_id_reused', chargeId: 'c1' }));
  });
});
