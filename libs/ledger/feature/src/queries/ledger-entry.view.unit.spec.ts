import { LEDGER_EVENT_SCHEMA_VERSION, type LedgerEntryView, type LedgerEvent } from '@subledger/contracts';
import { ledgerEntryOf } from './ledger-entry.view';

const v = LEDGER_EVENT_SCHEMA_VERSION;
const where = { position: 4n, globalPosition: 40n, balanceAfter: 100n };
const common = { position: '4', globalPosition: '40', at: 9, balanceAfter: 100n };
const none = { accountId: null, chargeId: null, amount: 0n, reason: null, reference: null };

const table: [LedgerEvent, Partial<LedgerEntryView>][] = [
  [{ type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: 9 }, {}],
  [
    { type: 'TopUpRecorded', schemaVersion: v, topUpId: 'u', amount: 30n, reference: 'inv-1', at: 9 },
    { amount: 30n, reference: 'inv-1' },
  ],
  [
    { type: 'BalanceAdjusted', schemaVersion: v, adjustmentId: 'j', amount: -3n, reason: 'fix', at: 9 },
    { amount: -3n, reason: 'fix' },
  ],
  [
    { type: 'SpendPolicySet', schemaVersion: v, accountId: 'a', creditLimit: 5n, status: 'active', at: 9 },
    { accountId: 'a' },
  ],
  [
    { type: 'ChargeAccepted', schemaVersion: v, chargeId: 'c', accountId: 'a', amount: 7n, at: 9 },
    { accountId: 'a', chargeId: 'c', amount: -7n },
  ],
  [
    {
      type: 'ChargeRefused',
      schemaVersion: v,
      chargeId: 'c',
      accountId: 'a',
      amount: 7n,
      reason: 'insufficient_balance',
      creditLimit: null,
      totalSpent: 0n,
      balance: 1n,
      at: 9,
    },
    { accountId: 'a', chargeId: 'c', reason: 'insufficient_balance' },
  ],
  [
    { type: 'ChargeRefunded', schemaVersion: v, chargeId: 'c', accountId: 'a', amount: 7n, reason: 'failed', at: 9 },
    { accountId: 'a', chargeId: 'c', amount: 7n, reason: 'failed' },
  ],
];

describe('ledger entries', () => {
  it.each(table.map(([event, fields]) => [event.type, event, fields] as const))(
    'shows %s with its signed effect on the balance',
    (type, event, fields) => {
      expect(ledgerEntryOf(event, where)).toEqual({ ...common, type, ...none, ...fields });
    },
  );
});
