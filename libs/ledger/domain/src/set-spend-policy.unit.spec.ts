import type { SpendStatus } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import type { LedgerOutcome } from './ledger-outcome';
import { runDeciderTable } from './testing/decider-table';
import type { DeciderRow } from './testing/decider-table';
import { chargeAccepted, policySet, setPolicy, teamOpened, toppedUp } from './testing/ledger-fixtures';

const spent = [teamOpened(), toppedUp('t1', 1_000n), chargeAccepted('c1', 'sub', 300n)];

function policy(
  accountId: string,
  creditLimit: Micros | null,
  status: SpendStatus,
  totalSpent: Micros,
  replayed: boolean,
): LedgerOutcome {
  return { type: 'spend_policy_set', accountId, creditLimit, status, totalSpent, replayed };
}

const rows: DeciderRow[] = [
  {
    name: 'caps an account, keeping what it has spent',
    given: spent,
    when: setPolicy('sub', 500n),
    events: [policySet('sub', 500n)],
    outcome: policy('sub', 500n, 'active', 300n, false),
  },
  {
    name: 'accepts a limit below what was already spent',
    given: spent,
    when: setPolicy('sub', 100n),
    events: [policySet('sub', 100n)],
    outcome: policy('sub', 100n, 'active', 300n, false),
  },
  {
    name: 'accepts a limit of zero as a cap that allows nothing',
    given: spent,
    when: setPolicy('other', 0n),
    events: [policySet('other', 0n)],
    outcome: policy('other', 0n, 'active', 0n, false),
  },
  {
    name: 'suspends an account',
    given: [...spent, policySet('sub', 500n)],
    when: setPolicy('sub', 500n, 'inactive'),
    events: [policySet('sub', 500n, 'inactive')],
    outcome: policy('sub', 500n, 'inactive', 300n, false),
  },
  {
    name: 'lifts a cap',
    given: [...spent, policySet('sub', 500n)],
    when: setPolicy('sub', null),
    events: [policySet('sub', null)],
    outcome: policy('sub', null, 'active', 300n, false),
  },
  {
    name: 'records nothing when the account already has exactly this policy',
    given: [...spent, policySet('sub', 500n)],
    when: setPolicy('sub', 500n),
    events: [],
    outcome: policy('sub', 500n, 'active', 300n, true),
  },
  {
    name: 'records nothing when an unseen account is given the default policy',
    given: spent,
    when: setPolicy('other', null),
    events: [],
    outcome: policy('other', null, 'active', 0n, true),
  },
  {
    name: 'rejects a negative limit',
    given: spent,
    when: setPolicy('sub', -1n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_credit_limit', creditLimit: -1n } },
  },
  {
    name: 'rejects a limit beyond a signed 64-bit integer',
    given: spent,
    when: setPolicy('sub', 2n ** 63n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_credit_limit', creditLimit: 2n ** 63n } },
  },
  {
    name: 'rejects a policy on a team never opened',
    given: [],
    when: setPolicy('sub', 5n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_not_found', teamId: 'team-1' } },
  },
];

describe('SetSpendPolicy', () => runDeciderTable(rows));
