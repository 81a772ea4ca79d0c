import type { SpendStatus } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import type { LedgerAnswer } from './ledger-outcome';
import { ledgerSpec } from './testing/ledger-spec';
import { chargeAccepted, policySet, setPolicy, teamOpened, toppedUp } from './testing/ledger-fixtures';

const spent = [teamOpened(), toppedUp('t1', 1_000n), chargeAccepted('c1', 'sub', 300n)];

function policy(
  accountId: string,
  creditLimit: Micros | null,
  status: SpendStatus,
  totalSpent: Micros,
  replayed: boolean,
): LedgerAnswer {
  return { type: 'spend_policy_set', accountId, creditLimit, status, totalSpent, replayed };
}

describe('SetSpendPolicy', () => {
  it('caps an account, keeping what it has spent', () =>
    ledgerSpec
      .given(spent)
      .when(setPolicy('sub', 500n))
      .then([policySet('sub', 500n)], policy('sub', 500n, 'active', 300n, false)));

  it('accepts a limit below what was already spent', () =>
    ledgerSpec
      .given(spent)
      .when(setPolicy('sub', 100n))
      .then([policySet('sub', 100n)], policy('sub', 100n, 'active', 300n, false)));

  it('accepts a limit of zero as a cap that allows nothing', () =>
    ledgerSpec
      .given(spent)
      .when(setPolicy('other', 0n))
      .then([policySet('other', 0n)], policy('other', 0n, 'active', 0n, false)));

  it('suspends an account', () =>
    ledgerSpec
      .given([...spent, policySet('sub', 500n)])
      .when(setPolicy('sub', 500n, 'inactive'))
      .then([policySet('sub', 500n, 'inactive')], policy('sub', 500n, 'inactive', 300n, false)));

  it('lifts a cap', () =>
    ledgerSpec
      .given([...spent, policySet('sub', 500n)])
      .when(setPolicy('sub', null))
      .then([policySet('sub', null)], policy('sub', null, 'active', 300n, false)));

  it('records nothing when the account already has exactly this policy', () =>
    ledgerSpec
      .given([...spent, policySet('sub', 500n)])
      .when(setPolicy('sub', 500n))
      .then([], policy('sub', 500n, 'active', 300n, true)));

  it('records nothing when an unseen account is given the default policy', () =>
    ledgerSpec
      .given(spent)
      .when(setPolicy('other', null))
      .then([], policy('other', null, 'active', 0n, true)));

  it('rejects a negative limit', () =>
    ledgerSpec
      .given(spent)
      .when(setPolicy('sub', -1n))
      .thenRefused({ reason: 'invalid_credit_limit', creditLimit: -1n }));

  it('rejects a limit beyond a signed 64-bit integer', () =>
    ledgerSpec
      .given(spent)
      .when(setPolicy('sub', 2n ** 63n))
      .thenRefused({ reason: 'invalid_credit_limit', creditLimit: 2n ** 63n }));

  it('rejects a policy on a team never opened', () =>
    ledgerSpec.given([]).when(setPolicy('sub', 5n)).thenRefused({ reason: 'team_not_found', teamId: 'team-1' }));
});
