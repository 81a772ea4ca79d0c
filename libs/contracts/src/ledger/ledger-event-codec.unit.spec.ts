import fc from 'fast-check';
import { ledgerEventCodec } from './ledger-event-codec';
import { CHARGE_REFUSAL_REASONS, SPEND_STATUSES } from './ledger-event';
import type { LedgerEvent } from './ledger-event';

const INT64_MAX = 2n ** 63n - 1n;
const at = 1_767_225_600_000;

const examples: LedgerEvent[] = [
  { type: 'TeamOpened', schemaVersion: 1, teamId: 'team-1', currency: 'usd', at },
  { type: 'TopUpRecorded', schemaVersion: 1, topUpId: 't1', amount: INT64_MAX, reference: 'invoice-7', at },
  { type: 'TopUpRecorded', schemaVersion: 1, topUpId: 't2', amount: 1n, at },
  { type: 'BalanceAdjusted', schemaVersion: 1, adjustmentId: 'j1', amount: -(2n ** 63n), reason: 'fee', at },
  { type: 'SpendPolicySet', schemaVersion: 1, accountId: 'sub', creditLimit: null, status: 'inactive', at },
  { type: 'SpendPolicySet', schemaVersion: 1, accountId: 'sub', creditLimit: 0n, status: 'active', at },
  {
    type: 'ChargeAccepted',
    schemaVersion: 1,
    chargeId: 'c1',
    accountId: 'sub',
    amount: 9_007_199_254_740_993n,
    messageId: 'm1',
    at,
  },
  {
    type: 'ChargeRefused',
    schemaVersion: 1,
    chargeId: 'c2',
    accountId: 'sub',
    amount: 5n,
    reason: 'credit_limit_exceeded',
    creditLimit: 4n,
    totalSpent: 4n,
    balance: 0n,
    at,
  },
  {
    type: 'ChargeRefunded',
    schemaVersion: 1,
    chargeId: 'c1',
    accountId: 'sub',
    amount: 7n,
    refundId: 'r1',
    reason: 'failed',
    at: 0,
  },
];

const id = fc.string({ minLength: 1 });
const text = fc.string({ minLength: 1 });
const positive = fc.bigInt(1n, INT64_MAX);
const nonNegative = fc.bigInt(0n, INT64_MAX);
const limit = fc.option(nonNegative, { nil: null });
const status = fc.constantFrom(...SPEND_STATUSES);
const tagged = <T extends string, F>(type: T, fields: fc.Arbitrary<F>) => fields.map((f) => ({ type, ...f }));

const eventFields = fc.oneof(
  tagged('TeamOpened', fc.record({ teamId: id, currency: fc.stringMatching(/^[a-z]{3}$/) })),
  tagged(
    'TopUpRecorded',
    fc.record({ topUpId: id, amount: positive, reference: fc.string() }, { requiredKeys: ['topUpId', 'amount'] }),
  ),
  tagged(
    'BalanceAdjusted',
    fc.record({ adjustmentId: id, amount: fc.bigInt(-(2n ** 63n), INT64_MAX).filter((a) => a !== 0n), reason: text }),
  ),
  tagged('SpendPolicySet', fc.record({ accountId: id, creditLimit: limit, status: status })),
  tagged(
    'ChargeAccepted',
    fc.record(
      { chargeId: id, accountId: id, amount: positive, messageId: id },
      { requiredKeys: ['chargeId', 'accountId', 'amount'] },
    ),
  ),
  tagged(
    'ChargeRefused',
    fc.record({
      chargeId: id,
      accountId: id,
      amount: positive,
      reason: fc.constantFrom(...CHARGE_REFUSAL_REASONS),
      creditLimit: limit,
      totalSpent: nonNegative,
      balance: nonNegative,
    }),
  ),
  tagged(
    'ChargeRefunded',
    fc.record(
      { chargeId: id, accountId: id, amount: positive, refundId: id, reason: text },
      { requiredKeys: ['chargeId', 'accountId', 'amount', 'reason'] },
    ),
  ),
);
const anyEvent = fc
  .tuple(eventFields, fc.nat())
  .map(([fields, time]) => ({ ...fields, schemaVersion: 1, at: time }) as LedgerEvent);

describe('ledger event codec', () => {
  it.each(examples)('round-trips a $type through JSON text', (example) => {
    expect(ledgerEventCodec.decodeText(JSON.stringify(ledgerEventCodec.encode(example)))).toStrictEqual({
      ok: true,
      value: example,
    });
  });

  it('round-trips any valid event', () => {
    fc.assert(
      fc.property(anyEvent, (e) => {
        expect(ledgerEventCodec.decode(JSON.parse(JSON.stringify(ledgerEventCodec.encode(e))))).toStrictEqual({
          ok: true,
          value: e,
        });
      }),
    );
  });

  it('writes amounts as decimal strings and leaves absent fields out', () => {
    expect(ledgerEventCodec.encode(examples[6])).toStrictEqual({
      type: 'ChargeAccepted',
      schemaVersion: 1,
      chargeId: 'c1',
      accountId: 'sub',
      amount: '9007199254740993',
      messageId: 'm1',
      at,
    });
    expect(JSON.stringify(ledgerEventCodec.encode(examples[4]))).toBe(
      `{"type":"SpendPolicySet","schemaVersion":1,"accountId":"sub","creditLimit":null,"status":"inactive","at":${at}}`,
    );
    expect(Object.keys(ledgerEventCodec.encode(examples[2]))).not.toContain('reference');
  });

  it('drops fields the contract does not know', () => {
    const json = { ...ledgerEventCodec.encode(examples[2]), extra: 'ignored' };

    expect(ledgerEventCodec.decode(json)).toStrictEqual({ ok: true, value: examples[2] });
  });
});
