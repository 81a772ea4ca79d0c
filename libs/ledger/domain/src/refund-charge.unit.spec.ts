import type { Micros } from '@subledger/money';
import type { LedgerOutcome } from './ledger-outcome';
import { runDeciderTable } from './testing/decider-table';
import type { DeciderRow } from './testing/decider-table';
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

function refunded(balance: Micros, totalSpent: Micros, replayed: boolean): LedgerOutcome {
  return { type: 'charge_refunded', chargeId: 'c1', accountId: 'sub', amount: 300n, balance, totalSpent, replayed };
}

const rows: DeciderRow[] = [
  {
    name: 'refunds an accepted charge: the balance and the spend get the amount back',
    given: charged,
    when: refund('c1', 'message_failed', 'r1'),
    events: [chargeRefunded('c1', 'sub', 300n, 'message_failed', 'r1')],
    outcome: refunded(1_000n, 0n, false),
  },
  {
    name: 'answers a second refund of the same charge with the first, appending nothing',
    given: [...charged, chargeRefunded('c1', 'sub', 300n)],
    when: refund('c1', 'message_failed'),
    events: [],
    outcome: refunded(1_000n, 0n, true),
  },
  {
    name: 'answers a second refund with the first even when its refund id and reason differ',
    given: [...charged, chargeRefunded('c1', 'sub', 300n, 'message_failed', 'r1')],
    when: refund('c1', 'operator request', 'r2'),
    events: [],
    outcome: refunded(1_000n, 0n, true),
  },
  {
    name: 'rejects a refund of a charge the ledger never saw',
    given: charged,
    when: refund('c9'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'charge_not_found', chargeId: 'c9' } },
  },
  {
    name: 'rejects a refund of a refused charge, which took no money',
    given: [
      ...charged,
      chargeRefused('c2', 'sub', 900n, 'credit_limit_exceeded', { creditLimit: 500n, totalSpent: 300n, balance: 700n }),
    ],
    when: refund('c2'),
    events: [],
    outcome: {
      type: 'refused',
      refusal: { reason: 'charge_not_refundable', chargeId: 'c2', refusedFor: 'credit_limit_exceeded' },
    },
  },
  {
    name: 'rejects a refund without a reason',
    given: charged,
    when: refund('c1', '  '),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_reason' } },
  },
  {
    name: 'rejects a refund on a team never opened',
    given: [],
    when: refund('c1'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_not_found', teamId: 'team-1' } },
  },
];

describe('RefundCharge', () => runDeciderTable(rows));
