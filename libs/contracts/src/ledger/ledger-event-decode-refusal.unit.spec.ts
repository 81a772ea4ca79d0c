import { ledgerEventCodec } from './ledger-event-codec';
import type { DecodeReason } from '../codec/decode-error';

const at = 1_767_225_600_000;
const v = 1 as const;
const charge = ledgerEventCodec.encode({
  type: 'ChargeAccepted',
  schemaVersion: v,
  chargeId: 'c1',
  accountId: 'a',
  amount: 5n,
  at,
});
const topUp = ledgerEventCodec.encode({ type: 'TopUpRecorded', schemaVersion: v, topUpId: 't1', amount: 5n, at });
const policy = ledgerEventCodec.encode({
  type: 'SpendPolicySet',
  schemaVersion: v,
  accountId: 'a',
  creditLimit: 5n,
  status: 'active',
  at,
});
const opened = ledgerEventCodec.encode({ type: 'TeamOpened', schemaVersion: v, teamId: 'team-1', currency: 'usd', at });
const refused = ledgerEventCodec.encode({
  type: 'ChargeRefused',
  schemaVersion: v,
  chargeId: 'c2',
  accountId: 'sub',
  amount: 5n,
  reason: 'account_inactive',
  creditLimit: null,
  totalSpent: 0n,
  balance: 0n,
  at,
});

interface RefusalRow {
  name: string;
  json: unknown;
  reason: DecodeReason;
  field?: string;
}

const invalid = (name: string, json: unknown, field: string): RefusalRow => ({
  name,
  json,
  reason: 'invalid_field',
  field,
});

const unsupported = (name: string, json: unknown): RefusalRow => ({
  name,
  json,
  reason: 'unsupported_schema_version',
  field: 'schemaVersion',
});

const rows: RefusalRow[] = [
  { name: 'null', json: null, reason: 'not_an_object' },
  { name: 'an array', json: [charge], reason: 'not_an_object' },
  { name: 'a string', json: 'ChargeAccepted', reason: 'not_an_object' },
  { name: 'a missing type', json: { ...charge, type: undefined }, reason: 'unknown_type', field: 'type' },
  { name: 'an unknown type', json: { ...charge, type: 'ChargeStolen' }, reason: 'unknown_type', field: 'type' },
  { name: 'a type from the prototype', json: { ...charge, type: 'toString' }, reason: 'unknown_type', field: 'type' },
  unsupported('a later schema version', { ...charge, schemaVersion: 2 }),
  unsupported('no schema version', { ...charge, schemaVersion: undefined }),
  unsupported('a schema version as text', { ...charge, schemaVersion: '1' }),
  invalid('an amount as a JSON number', { ...charge, amount: 5 }, 'amount'),
  invalid('a fractional amount', { ...charge, amount: '1.5' }, 'amount'),
  invalid('an empty amount', { ...charge, amount: '' }, 'amount'),
  invalid('an amount with a leading zero', { ...charge, amount: '05' }, 'amount'),
  invalid('an amount with a plus sign', { ...charge, amount: '+5' }, 'amount'),
  invalid('an amount of minus zero', { ...refused, totalSpent: '-0' }, 'totalSpent'),
  invalid('an amount past a signed 64-bit integer', { ...charge, amount: '9223372036854775808' }, 'amount'),
  invalid('an amount of twenty digits', { ...charge, amount: '10000000000000000000' }, 'amount'),
  invalid('a charge of zero', { ...charge, amount: '0' }, 'amount'),
  invalid('a negative top-up', { ...topUp, amount: '-5' }, 'amount'),
  invalid('a negative credit limit', { ...policy, creditLimit: '-1' }, 'creditLimit'),
  invalid('an unknown status', { ...policy, status: 'suspended' }, 'status'),
  invalid('an unknown refusal reason', { ...refused, reason: 'bad_luck' }, 'reason'),
  invalid('a missing account id', { ...charge, accountId: undefined }, 'accountId'),
  invalid('an empty charge id', { ...charge, chargeId: '' }, 'chargeId'),
  invalid('a message id that is not a string', { ...charge, messageId: 7 }, 'messageId'),
  invalid('a null reference', { ...topUp, reference: null }, 'reference'),
  invalid('a time that is not an integer', { ...charge, at: 1.5 }, 'at'),
  invalid('a time given as text', { ...charge, at: String(at) }, 'at'),
  invalid('a negative time', { ...charge, at: -1 }, 'at'),
  invalid('an upper-case currency', { ...opened, currency: 'USD' }, 'currency'),
];

describe('ledger event decoding refuses', () => {
  it.each(rows)('$name', ({ json, reason, field }) => {
    const result = ledgerEventCodec.decode(json);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe(reason);
    expect(result.error.field).toBe(field);
    expect(result.error.message.length).toBeGreaterThan(0);
  });

  it('text that is not JSON', () => {
    expect(ledgerEventCodec.decodeText('{"type":')).toStrictEqual({
      ok: false,
      error: { reason: 'invalid_json', message: 'the payload is not valid JSON' },
    });
  });

  it('names the type and the field in its message', () => {
    const result = ledgerEventCodec.decode({ ...charge, amount: '1.5' });

    expect(result).toStrictEqual({
      ok: false,
      error: {
        reason: 'invalid_field',
        field: 'amount',
        message: 'ChargeAccepted.amount must be an integer amount of micros written as a decimal string',
      },
    });
  });
});
