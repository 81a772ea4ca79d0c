import type { ChargeRefusalReason } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import type { LedgerOutcome } from './ledger-outcome';
import { runDeciderTable } from './testing/decider-table';
import type { DeciderRow } from './testing/decider-table';
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
): LedgerOutcome {
  return { type: 'charge_accepted', chargeId, accountId: 'sub', amount, balance, totalSpent, replayed };
}

function refused(
  chargeId: string,
  amount: Micros,
  reason: ChargeRefusalReason,
  numbers: RefusalNumbers,
  replayed = false,
): LedgerOutcome {
  return { type: 'charge_refused', chargeId, accountId: 'sub', amount, reason, ...numbers, replayed };
}

const acceptedRows: DeciderRow[] = [
  {
    name: 'accepts a charge of an account without a policy: active, no cap',
    given: funded,
    when: charge('c1', 'sub', 400n, 'm1'),
    events: [chargeAccepted('c1', 'sub', 400n, 'm1')],
    outcome: accepted('c1', 400n, 600n, 400n),
  },
  {
    name: 'accepts a charge under the limit',
    given: capped,
    when: charge('c1', 'sub', 300n),
    events: [chargeAccepted('c1', 'sub', 300n)],
    outcome: accepted('c1', 300n, 700n, 300n),
  },
  {
    name: 'accepts a charge that reaches the limit exactly',
    given: [...capped, chargeAccepted('c0', 'sub', 200n)],
    when: charge('c1', 'sub', 300n),
    events: [chargeAccepted('c1', 'sub', 300n)],
    outcome: accepted('c1', 300n, 500n, 500n),
  },
  {
    name: 'accepts a charge equal to the whole balance',
    given: funded,
    when: charge('c1', 'sub', 1_000n),
    events: [chargeAccepted('c1', 'sub', 1_000n)],
    outcome: accepted('c1', 1_000n, 0n, 1_000n),
  },
  {
    name: 'accepts again once a refund has made room under the limit',
    given: [...capped, chargeAccepted('c0', 'sub', 500n), chargeRefunded('c0', 'sub', 500n)],
    when: charge('c1', 'sub', 500n),
    events: [chargeAccepted('c1', 'sub', 500n)],
    outcome: accepted('c1', 500n, 500n, 500n),
  },
  {
    name: 'accepts again once a suspended account is resumed',
    given: [...funded, policySet('sub', null, 'inactive'), policySet('sub', null, 'active')],
    when: charge('c1', 'sub', 1n),
    events: [chargeAccepted('c1', 'sub', 1n)],
    outcome: accepted('c1', 1n, 999n, 1n),
  },
];

const refusedRows: DeciderRow[] = [
  {
    name: 'refuses one micro over the limit, and records the refusal',
    given: [...capped, chargeAccepted('c0', 'sub', 200n)],
    when: charge('c1', 'sub', 301n),
    events: [chargeRefused('c1', 'sub', 301n, 'credit_limit_exceeded', seen(500n, 200n, 800n))],
    outcome: refused('c1', 301n, 'credit_limit_exceeded', seen(500n, 200n, 800n)),
  },
  {
    name: 'refuses every charge once the spend has reached the limit',
    given: [...capped, chargeAccepted('c0', 'sub', 500n)],
    when: charge('c1', 'sub', 1n),
    events: [chargeRefused('c1', 'sub', 1n, 'credit_limit_exceeded', seen(500n, 500n, 500n))],
    outcome: refused('c1', 1n, 'credit_limit_exceeded', seen(500n, 500n, 500n)),
  },
  {
    name: 'refuses every charge when the limit was lowered below the spend',
    given: [...funded, chargeAccepted('c0', 'sub', 300n), policySet('sub', 100n)],
    when: charge('c1', 'sub', 1n),
    events: [chargeRefused('c1', 'sub', 1n, 'credit_limit_exceeded', seen(100n, 300n, 700n))],
    outcome: refused('c1', 1n, 'credit_limit_exceeded', seen(100n, 300n, 700n)),
  },
  {
    name: 'refuses any charge under a limit of zero',
    given: [...funded, policySet('sub', 0n)],
    when: charge('c1', 'sub', 1n),
    events: [chargeRefused('c1', 'sub', 1n, 'credit_limit_exceeded', seen(0n, 0n, 1_000n))],
    outcome: refused('c1', 1n, 'credit_limit_exceeded', seen(0n, 0n, 1_000n)),
  },
  {
    name: 'refuses a charge one micro above the balance',
    given: funded,
    when: charge('c1', 'sub', 1_001n),
    events: [chargeRefused('c1', 'sub', 1_001n, 'insufficient_balance', seen(null, 0n, 1_000n))],
    outcome: refused('c1', 1_001n, 'insufficient_balance', seen(null, 0n, 1_000n)),
  },
  {
    name: 'refuses a charge of a suspended account',
    given: [...funded, policySet('sub', null, 'inactive')],
    when: charge('c1', 'sub', 1n),
    events: [chargeRefused('c1', 'sub', 1n, 'account_inactive', seen(null, 0n, 1_000n))],
    outcome: refused('c1', 1n, 'account_inactive', seen(null, 0n, 1_000n)),
  },
];

const precedenceRows: DeciderRow[] = [
  {
    name: 'precedence: a suspended account over the limit and short of balance is refused as inactive',
    given: [teamOpened(), toppedUp('t1', 10n), policySet('sub', 5n, 'inactive')],
    when: charge('c1', 'sub', 20n),
    events: [chargeRefused('c1', 'sub', 20n, 'account_inactive', seen(5n, 0n, 10n))],
    outcome: refused('c1', 20n, 'account_inactive', seen(5n, 0n, 10n)),
  },
  {
    name: 'precedence: over the limit and short of balance is refused for the limit',
    given: [teamOpened(), toppedUp('t1', 10n), policySet('sub', 5n)],
    when: charge('c1', 'sub', 20n),
    events: [chargeRefused('c1', 'sub', 20n, 'credit_limit_exceeded', seen(5n, 0n, 10n))],
    outcome: refused('c1', 20n, 'credit_limit_exceeded', seen(5n, 0n, 10n)),
  },
];

const rejectedRows: DeciderRow[] = [
  {
    name: 'rejects a zero amount, recording nothing',
    given: funded,
    when: charge('c1', 'sub', 0n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_amount', amount: 0n } },
  },
  {
    name: 'rejects a negative amount, recording nothing',
    given: funded,
    when: charge('c1', 'sub', -5n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_amount', amount: -5n } },
  },
  {
    name: 'rejects an amount beyond a signed 64-bit integer',
    given: funded,
    when: charge('c1', 'sub', 2n ** 63n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_amount', amount: 2n ** 63n } },
  },
  {
    name: 'rejects a charge to a team never opened',
    given: [],
    when: charge('c1', 'sub', 1n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_not_found', teamId: 'team-1' } },
  },
  {
    name: 'rejects a charge addressed to another team than the stream holds',
    given: [teamOpened('usd', 'team-2'), toppedUp('t1', 1_000n)],
    when: charge('c1', 'sub', 1n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_not_found', teamId: 'team-1' } },
  },
];

const idempotencyRows: DeciderRow[] = [
  {
    name: 'replays an accepted charge without a new event, reporting the current numbers',
    given: [...capped, chargeAccepted('c1', 'sub', 300n, 'm1'), chargeAccepted('c2', 'sub', 100n)],
    when: charge('c1', 'sub', 300n, 'm1'),
    events: [],
    outcome: accepted('c1', 300n, 600n, 400n, true),
  },
  {
    name: 'replays a refunded charge as the acceptance it was',
    given: [...funded, chargeAccepted('c1', 'sub', 300n), chargeRefunded('c1', 'sub', 300n)],
    when: charge('c1', 'sub', 300n),
    events: [],
    outcome: accepted('c1', 300n, 1_000n, 0n, true),
  },
  {
    name: 'replays a refused charge as refused, even when it would now pass',
    given: [
      ...funded,
      chargeRefused('c1', 'sub', 2_000n, 'insufficient_balance', seen(null, 0n, 1_000n)),
      toppedUp('t2', 5_000n),
    ],
    when: charge('c1', 'sub', 2_000n),
    events: [],
    outcome: refused('c1', 2_000n, 'insufficient_balance', seen(null, 0n, 6_000n), true),
  },
  ...[
    { change: 'another amount', when: charge('c1', 'sub', 301n, 'm1') },
    { change: 'another account', when: charge('c1', 'other', 300n, 'm1') },
    { change: 'another message id', when: charge('c1', 'sub', 300n, 'm2') },
    { change: 'no message id', when: charge('c1', 'sub', 300n) },
  ].map(({ change, when }) => ({
    name: `rejects a charge id reused with ${change}`,
    given: [...funded, chargeAccepted('c1', 'sub', 300n, 'm1')],
    when,
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'charge_id_reused', chargeId: 'c1' } } as const,
  })),
  {
    name: 'rejects a refused charge id reused with other fields',
    given: [...funded, chargeRefused('c1', 'sub', 2_000n, 'insufficient_balance', seen(null, 0n, 1_000n))],
    when: charge('c1', 'sub', 10n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'charge_id_reused', chargeId: 'c1' } },
  },
];

describe('ChargeMessage', () => {
  describe('accepted', () => runDeciderTable(acceptedRows));
  describe('refused and recorded', () => runDeciderTable(refusedRows));
  describe('precedence of refusals', () => runDeciderTable(precedenceRows));
  describe('rejected without a record', () => runDeciderTable(rejectedRows));
  describe('idempotency', () => runDeciderTable(idempotencyRows));
});
