import type { LedgerOutcome } from '@subledger/contracts';
import { outcomeFromJson, outcomeToJson } from './outcome-json';

const outcomes: LedgerOutcome[] = [
  { type: 'team_opened', teamId: 't', currency: 'usd', replayed: false },
  {
    type: 'top_up_recorded',
    topUpId: 'u',
    amount: 9_223_372_036_854_775_807n,
    balance: 9_223_372_036_854_775_807n,
    replayed: false,
  },
  { type: 'balance_adjusted', adjustmentId: 'a', amount: -5n, balance: 0n, replayed: true },
  { type: 'spend_policy_set', accountId: 'x', creditLimit: null, status: 'inactive', totalSpent: 12n, replayed: false },
  { type: 'spend_policy_set', accountId: 'x', creditLimit: 0n, status: 'active', totalSpent: 0n, replayed: false },
  { type: 'charge_accepted', chargeId: 'c', accountId: 'x', amount: 1n, balance: 2n, totalSpent: 3n, replayed: false },
  {
    type: 'charge_refused',
    chargeId: 'c',
    accountId: 'x',
    amount: 10n,
    reason: 'credit_limit_exceeded',
    creditLimit: 5n,
    totalSpent: 5n,
    balance: 100n,
    replayed: false,
  },
  { type: 'charge_refunded', chargeId: 'c', accountId: 'x', amount: 1n, balance: 3n, totalSpent: 2n, replayed: true },
  { type: 'refused', refusal: { reason: 'insufficient_balance', balance: 1n, amount: -2n } },
  { type: 'refused', refusal: { reason: 'invalid_credit_limit', creditLimit: -1n } },
  { type: 'refused', refusal: { reason: 'charge_not_refundable', chargeId: 'c', refusedFor: 'account_inactive' } },
  { type: 'refused', refusal: { reason: 'invalid_reason' } },
];

describe('stored outcomes', () => {
  it.each(outcomes.map((outcome) => [outcome.type, outcome] as const))(
    '%s comes back exactly as it was stored',
    (_type, outcome) => {
      expect(outcomeFromJson(outcomeToJson(outcome))).toEqual(outcome);
    },
  );

  it('writes amounts as decimal strings, never as JSON numbers', () => {
    const json = outcomeToJson({
      type: 'charge_accepted',
      chargeId: 'c',
      accountId: 'x',
      amount: 2n ** 60n,
      balance: 0n,
      totalSpent: 1n,
      replayed: false,
    });
    expect(JSON.parse(json)).toMatchObject({ amount: '1152921504606846976', balance: '0', totalSpent: '1' });
  });

  it('leaves ids that look like numbers as strings', () => {
    const outcome: LedgerOutcome = {
      type: 'charge_accepted',
      chargeId: '42',
      accountId: '7',
      amount: 1n,
      balance: 2n,
      totalSpent: 3n,
      replayed: false,
    };
    expect(outcomeFromJson(outcomeToJson(outcome))).toEqual(outcome);
  });
});
