import { ledgerCommandCodec } from './ledger-command-codec';
import type { LedgerCommand } from './ledger-command';
import type { DecodeReason } from '../codec/decode-error';

const at = 1_767_225_600_000;
const teamId = 'team-1';

const examples: LedgerCommand[] = [
  { type: 'OpenTeam', teamId, currency: 'eur', at },
  { type: 'TopUp', teamId, topUpId: 't1', amount: 2n ** 63n - 1n, reference: 'invoice-7', at },
  { type: 'TopUp', teamId, topUpId: 't2', amount: 1n, at },
  { type: 'Adjust', teamId, adjustmentId: 'j1', amount: -300n, reason: 'fee', at },
  { type: 'SetSpendPolicy', teamId, accountId: 'sub', creditLimit: null, status: 'inactive', at },
  { type: 'ChargeMessage', teamId, chargeId: 'c1', accountId: 'sub', amount: 2n ** 53n + 1n, messageId: 'm1', at },
  { type: 'ChargeMessage', teamId, chargeId: 'c2', accountId: 'sub', amount: 5n, at },
  { type: 'RefundCharge', teamId, chargeId: 'c1', refundId: 'r1', reason: 'message_failed', at },
];

// Amounts, limits and reasons the ledger refuses by name still travel: judging them is its job.
const judgedByTheLedger: LedgerCommand[] = [
  { type: 'ChargeMessage', teamId, chargeId: 'c3', accountId: 'sub', amount: 0n, at },
  { type: 'TopUp', teamId, topUpId: 't3', amount: -5n, at },
  { type: 'SetSpendPolicy', teamId, accountId: 'sub', creditLimit: -1n, status: 'active', at },
  { type: 'Adjust', teamId, adjustmentId: 'j2', amount: 0n, reason: '', at },
  { type: 'RefundCharge', teamId, chargeId: 'c1', reason: '', at },
];

const charge = ledgerCommandCodec.encode(examples[6]);
const policy = ledgerCommandCodec.encode(examples[4]);

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

const refusals: RefusalRow[] = [
  { name: 'a number', json: 42, reason: 'not_an_object' },
  { name: 'an event', json: { ...charge, type: 'ChargeAccepted' }, reason: 'unknown_type', field: 'type' },
  invalid('a missing team id', { ...charge, teamId: undefined }, 'teamId'),
  invalid('an amount as a JSON number', { ...charge, amount: 5 }, 'amount'),
  invalid('an amount past a signed 64-bit integer', { ...charge, amount: '-9223372036854775809' }, 'amount'),
  invalid('an unknown status', { ...policy, status: 'paused' }, 'status'),
  invalid('a credit limit that is not an amount', { ...policy, creditLimit: 'none' }, 'creditLimit'),
  invalid('a missing time', { ...charge, at: undefined }, 'at'),
];

describe('ledger command codec', () => {
  it.each([...examples, ...judgedByTheLedger])('round-trips a $type through JSON text', (example) => {
    expect(ledgerCommandCodec.decodeText(JSON.stringify(ledgerCommandCodec.encode(example)))).toStrictEqual({
      ok: true,
      value: example,
    });
  });

  it('writes amounts as decimal strings', () => {
    expect(ledgerCommandCodec.encode(examples[5])).toStrictEqual({
      type: 'ChargeMessage',
      teamId,
      chargeId: 'c1',
      accountId: 'sub',
      amount: '9007199254740993',
      messageId: 'm1',
      at,
    });
  });

  it.each(refusals)('refuses $name', ({ json, reason, field }) => {
    const result = ledgerCommandCodec.decode(json);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe(reason);
    expect(result.error.field).toBe(field);
  });

  it('refuses text that is not JSON', () => {
    expect(ledgerCommandCodec.decodeText('not json')).toMatchObject({ ok: false, error: { reason: 'invalid_json' } });
  });
});
