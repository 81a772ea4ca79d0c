import type { Micros } from '@subledger/money';
import type { LedgerAnswer } from './ledger-outcome';
import { ledgerSpec, recalling } from './testing/ledger-spec';
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
const oldRefused = chargeRefused('c2', 'sub', 900n, 'credit_limit_exceeded', {
  creditLimit: 500n,
  totalSpent: 300n,
  balance: 700n,
});
const history = [...opened, old, oldRefused, adjusted('j1', -100n, 'fee'), chargeAccepted('c3', 'main', 50n)];

function refunded(balance: Micros, totalSpent: Micros, replayed: boolean): LedgerAnswer {
  return { type: 'charge_refunded', chargeId: 'c1', accountId: 'sub', amount: 300n, balance, totalSpent, replayed };
}

describe('decisions on records recalled from the store', () => {
  describe('RefundCharge', () => {
    it('refunds an old charge recalled from the store', () =>
      ledgerSpec
        .givenState(recalling(history, [old]))
        .when(refund('c1'))
        .then([chargeRefunded('c1', 'sub', 300n)], refunded(850n, 0n, false)));

    it('answers the refund of an old charge recalled with its refund as that refund, appending nothing', () =>
      ledgerSpec
        .givenState(
          recalling([...history, chargeRefunded('c1', 'sub', 300n)], [old, chargeRefunded('c1', 'sub', 300n)]),
        )
        .when(refund('c1', 'operator request'))
        .then([], refunded(850n, 0n, true)));

    it('refuses the refund of an old refused charge with the reason it was refused for', () =>
      ledgerSpec
        .givenState(recalling(history, [oldRefused]))
        .when(refund('c2'))
        .thenRefused({ reason: 'charge_not_refundable', chargeId: 'c2', refusedFor: 'credit_limit_exceeded' }));

    it('takes a charge nobody recalled for one never recorded: charge_not_found', () =>
      ledgerSpec
        .givenState(recalling(history, []))
        .when(refund('c1'))
        .thenRefused({ reason: 'charge_not_found', chargeId: 'c1' }));

    it('keeps the precedence of a refund without a reason over the record', () =>
      ledgerSpec
        .givenState(recalling(history, [old]))
        .when(refund('c1', ' '))
        .thenRefused({ reason: 'invalid_reason' }));
  });
  describe('ChargeMessage', () => {
    it('replays an old charge recalled from the store, with the numbers of now', () =>
      ledgerSpec
        .givenState(recalling(history, [old]))
        .when(charge('c1', 'sub', 300n, 'm1'))
        .then([], {
          type: 'charge_accepted',
          chargeId: 'c1',
          accountId: 'sub',
          amount: 300n,
          balance: 550n,
          totalSpent: 300n,
          replayed: true,
        }));

    it('replays an old refused charge as refused', () =>
      ledgerSpec
        .givenState(recalling(history, [oldRefused]))
        .when(charge('c2', 'sub', 900n))
        .then([], {
          type: 'charge_refused',
          chargeId: 'c2',
          accountId: 'sub',
          amount: 900n,
          reason: 'credit_limit_exceeded',
          creditLimit: 500n,
          totalSpent: 300n,
          balance: 550n,
          replayed: true,
        }));

    it('refuses an old charge id reused with other fields', () =>
      ledgerSpec
        .givenState(recalling(history, [old]))
        .when(charge('c1', 'sub', 1n, 'm1'))
        .thenRefused({ reason: 'charge_id_reused', chargeId: 'c1' }));

    it('keeps the precedence of an invalid amount over a recalled reuse', () =>
      ledgerSpec
        .givenState(recalling(history, [old]))
        .when(charge('c1', 'sub', 0n))
        .thenRefused({ reason: 'invalid_amount', amount: 0n }));
  });
  describe('TopUp and Adjust', () => {
    it('replays an old top-up recalled from the store', () =>
      ledgerSpec
        .givenState(recalling(history, [toppedUp('t1', 1_000n, 'invoice-7')]))
        .when(topUp('t1', 1_000n, 'invoice-7'))
        .then([], { type: 'top_up_recorded', topUpId: 't1', amount: 1_000n, balance: 550n, replayed: true }));

    it('refuses an old top-up id reused with another amount', () =>
      ledgerSpec
        .givenState(recalling(history, [toppedUp('t1', 1_000n, 'invoice-7')]))
        .when(topUp('t1', 5n, 'invoice-7'))
        .thenRefused({ reason: 'top_up_id_reused', topUpId: 't1' }));

    it('replays an old adjustment recalled from the store, even when the balance could no longer bear it', () =>
      ledgerSpec
        .givenState(recalling([...history, chargeAccepted('c4', 'main', 500n)], [adjusted('j1', -100n, 'fee')]))
        .when(adjust('j1', -100n, 'fee'))
        .then([], { type: 'balance_adjusted', adjustmentId: 'j1', amount: -100n, balance: 50n, replayed: true }));

    it('refuses an old adjustment id reused with another reason', () =>
      ledgerSpec
        .givenState(recalling(history, [adjusted('j1', -100n, 'fee')]))
        .when(adjust('j1', -100n, 'other'))
        .thenRefused({ reason: 'adjustment_id_reused', adjustmentId: 'j1' }));
  });
});
