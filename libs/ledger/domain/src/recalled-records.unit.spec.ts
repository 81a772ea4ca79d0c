import type { Micros } from '@subledger/money';
import type { LedgerOutcome } from './ledger-outcome';
import { runDeciderTable } from './testing/decider-table';
import type { DeciderRow } from './testing/decider-table';
import {
  adjust,
  adjusted,
  charge,
  chargeAccepted,
  chargeRefunded,
  chargeRefused,
  policySet,
  refund,
  teamOpened,
  toppedUp,
  topUp,
} from './testing/ledger-fixtures';

// A writer keeps only recent records and looks the others up before deciding: these rows decide
// against a state that forgot every record of its stream and got back only those in `recalled`.
const opened = [teamOpened(), toppedUp('t1', 1_000n, 'invoice-7'), policySet('sub', 500n)];
const old = chargeAccepted('c1', 'sub', 300n, 'm1');
const oldRefused = chargeRefused('c2', 'sub', 900n, 'credit_limit_exceeded', { creditLimit: 500n, totalSpent: 300n, balance: 700n });
const history = [...opened, old, oldRefused, adjusted('j1', -100n, 'fee'), chargeAccepted('c3', 'main', 50n)];

function refunded(balance: Micros, totalSpent: Micros, replayed: boolean): LedgerOutcome {
  return { type: 'charge_refunded', chargeId: 'c1', accountId: 'sub', amount: 300n, balance, totalSpent, replayed };
}

const refundRows: DeciderRow[] = [
  {
    name: 'refunds an old charge recalled from the store',
    given: history,
    recalled: [old],
    when: refund('c1'),
    events: [chargeRefunded('c1', 'sub', 300n)],
    outcome: refunded(850n, 0n, false),
  },
  {
    name: 'answers the refund of an old charge recalled with its refund as that refund, appending nothing',
    given: [...history, chargeRefunded('c1', 'sub', 300n)],
    recalled: [old, chargeRefunded('c1', 'sub', 300n)],
    when: refund('c1', 'operator request'),
    events: [],
    outcome: refunded(850n, 0n, true),
  },
  {
    name: 'refuses the refund of an old refused charge with the reason it was refused for',
    given: history,
    recalled: [oldRefused],
    when: refund('c2'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'charge_not_refundable', chargeId: 'c2', refusedFor: 'credit_limit_exceeded' } },
  },
  {
    name: 'takes a charge nobody recalled for one never recorded: charge_not_found',
    given: history,
    recalled: [],
    when: refund('c1'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'charge_not_found', chargeId: 'c1' } },
  },
  {
    name: 'keeps the precedence of a refund without a reason over the record',
    given: history,
    recalled: [old],
    when: refund('c1', ' '),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_reason' } },
  },
];

const chargeRows: DeciderRow[] = [
  {
    name: 'replays an old charge recalled from the store, with the numbers of now',
    given: history,
    recalled: [old],
    when: charge('c1', 'sub', 300n, 'm1'),
    events: [],
    outcome: { type: 'charge_accepted', chargeId: 'c1', accountId: 'sub', amount: 300n, balance: 550n, totalSpent: 300n, replayed: true },
  },
  {
    name: 'replays an old refused charge as refused',
    given: history,
    recalled: [oldRefused],
    when: charge('c2', 'sub', 900n),
    events: [],
    outcome: {
      type: 'charge_refused',
      chargeId: 'c2',
      accountId: 'sub',
      amount: 900n,
      reason: 'credit_limit_exceeded',
      creditLimit: 500n,
      totalSpent: 300n,
      balance: 550n,
      replayed: true,
    },
  },
  {
    name: 'refuses an old charge id reused with other fields',
    given: history,
    recalled: [old],
    when: charge('c1', 'sub', 1n, 'm1'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'charge_id_reused', chargeId: 'c1' } },
  },
  {
    name: 'keeps the precedence of an invalid amount over a recalled reuse',
    given: history,
    recalled: [old],
    when: charge('c1', 'sub', 0n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_amount', amount: 0n } },
  },
];

const topUpAndAdjustmentRows: DeciderRow[] = [
  {
    name: 'replays an old top-up recalled from the store',
    given: history,
    recalled: [toppedUp('t1', 1_000n, 'invoice-7')],
    when: topUp('t1', 1_000n, 'invoice-7'),
    events: [],
    outcome: { type: 'top_up_recorded', topUpId: 't1', amount: 1_000n, balance: 550n, replayed: true },
  },
  {
    name: 'refuses an old top-up id reused with another amount',
    given: history,
    recalled: [toppedUp('t1', 1_000n, 'invoice-7')],
    when: topUp('t1', 5n, 'invoice-7'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'top_up_id_reused', topUpId: 't1' } },
  },
  {
    name: 'replays an old adjustment recalled from the store, even when the balance could no longer bear it',
    given: [...history, chargeAccepted('c4', 'main', 500n)],
    recalled: [adjusted('j1', -100n, 'fee')],
    when: adjust('j1', -100n, 'fee'),
    events: [],
    outcome: { type: 'balance_adjusted', adjustmentId: 'j1', amount: -100n, balance: 50n, replayed: true },
  },
  {
    name: 'refuses an old adjustment id reused with another reason',
    given: history,
    recalled: [adjusted('j1', -100n, 'fee')],
    when: adjust('j1', -100n, 'other'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'adjustment_id_reused', adjustmentId: 'j1' } },
  },
];

describe('decisions on records recalled from the store', () => {
  describe('RefundCharge', () => runDeciderTable(refundRows));
  describe('ChargeMessage', () => runDeciderTable(chargeRows));
  describe('TopUp and Adjust', () => runDeciderTable(topUpAndAdjustmentRows));
});
