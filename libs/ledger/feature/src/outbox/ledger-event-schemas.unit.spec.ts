import { LEDGER_EVENT_SCHEMA_VERSION as V, type LedgerEvent } from '@subledger/contracts';
import type { RecordedEvent } from '@subledger/event-store';
import { AT } from '../testing/ledger-commands.fixtures';
import { teamEventData } from '../team-state/team-stream';
import { isLedgerEventType, ledgerEventMessage, type OutgoingLedgerEvent } from './ledger-event-message';
import { ledgerEventMessageProblems, ledgerEventSchemas, schemaProblems } from './testing/json-schema-check';

// The JSON Schemas of docs/events/schemas against the messages the relay builds; the relay's
// integration test and the example consumer's distributed test check what Kafka actually carries.

const schemas = ledgerEventSchemas();

/** One event of every type, with and without its optional fields, at the edges of its numbers. */
const EVENTS: LedgerEvent[] = [
  { type: 'TeamOpened', schemaVersion: V, teamId: 'team_1', currency: 'eur', at: AT },
  {
    type: 'TopUpRecorded',
    schemaVersion: V,
    topUpId: 'tu_1',
    amount: 9_223_372_036_854_775_807n,
    reference: '',
    at: AT,
  },
  { type: 'TopUpRecorded', schemaVersion: V, topUpId: 'tu_2', amount: 1n, at: AT },
  {
    type: 'BalanceAdjusted',
    schemaVersion: V,
    adjustmentId: 'adj_1',
    amount: -5n,
    reason: 'goodwill reversed',
    at: AT,
  },
  { type: 'SpendPolicySet', schemaVersion: V, accountId: 'acc_1', creditLimit: null, status: 'active', at: AT },
  { type: 'SpendPolicySet', schemaVersion: V, accountId: 'acc_1', creditLimit: 0n, status: 'inactive', at: AT },
  {
    type: 'ChargeAccepted',
    schemaVersion: V,
    chargeId: 'ch_1',
    accountId: 'acc_1',
    amount: 7_900n,
    messageId: 'msg_1',
    at: AT,
  },
  { type: 'ChargeAccepted', schemaVersion: V, chargeId: 'ch_2', accountId: 'acc_1', amount: 7_900n, at: 0 },
  {
    type: 'ChargeRefused',
    schemaVersion: V,
    chargeId: 'ch_3',
    accountId: 'acc_1',
    amount: 7_900n,
    reason: 'credit_limit_exceeded',
    creditLimit: 10_000n,
    totalSpent: 7_900n,
    balance: 0n,
    at: AT,
  },
  {
    type: 'ChargeRefunded',
    schemaVersion: V,
    chargeId: 'ch_1',
    accountId: 'acc_1',
    amount: 7_900n,
    refundId: 'rf_1',
    reason: 'not delivered',
    at: AT,
  },
  {
    type: 'ChargeRefunded',
    schemaVersion: V,
    chargeId: 'ch_2',
    accountId: 'acc_1',
    amount: 7_900n,
    reason: 'not delivered',
    at: AT,
  },
];

function messageOf(event: LedgerEvent, version: number): OutgoingLedgerEvent {
  const stored = teamEventData('team-team_1', BigInt(version), event, { balance: 123_456_789n }, 'req-1');
  const recorded: RecordedEvent = {
    ...stored,
    id: stored.id ?? '',
    metadata: stored.metadata ?? {},
    streamId: 'team-team_1',
    streamVersion: BigInt(version),
    globalPosition: BigInt(version + 40),
    recordedAt: new Date(AT),
  };
  const message = ledgerEventMessage(recorded, 'eur');
  if (message === undefined) throw new Error(`${event.type} is not a ledger event`);
  return message;
}

describe('the ledger.events JSON Schemas (docs/events/schemas)', () => {
  it('has exactly one schema per ledger event type', () => {
    const types = [...new Set(EVENTS.map((event) => event.type))].sort();
    expect([...schemas.keys()].sort()).toEqual(types);
    expect([...schemas.keys()].every(isLedgerEventType)).toBe(true);
  });

  it.each(EVENTS.map((event, version) => [`${event.type} #${version}`, event, version] as const))(
    'accepts the message the relay builds for %s',
    (_name, event, version) => {
      const { headers, value } = messageOf(event, version);
      const onTheWire = JSON.parse(JSON.stringify(value)) as unknown;

      expect(ledgerEventMessageProblems(schemas, headers, onTheWire)).toEqual([]);
    },
  );

  it.each([
    ['without its currency', (value: Record<string, unknown>) => delete value['currency'], '$ must have currency'],
    [
      'with balanceAfter as a JSON number',
      (value: Record<string, unknown>) => (value['balanceAfter'] = 123),
      '$.balanceAfter must be of type string, got 123',
    ],
    [
      'with balanceAfter in major units',
      (value: Record<string, unknown>) => (value['balanceAfter'] = '123.45'),
      '$.balanceAfter must match',
    ],
    [
      'with an upper-case currency',
      (value: Record<string, unknown>) => (value['currency'] = 'EUR'),
      '$.currency must match',
    ],
    [
      'with a field the contract does not have',
      (value: Record<string, unknown>) => (value['balanceBefore'] = '0'),
      '$ must not have balanceBefore',
    ],
    [
      'with another type inside than outside',
      (value: Record<string, unknown>) => ((value['data'] as Record<string, unknown>)['type'] = 'TopUpRecorded'),
      '$.data.type must be "ChargeAccepted"',
    ],
    [
      'with a fractional amount',
      (value: Record<string, unknown>) => ((value['data'] as Record<string, unknown>)['amount'] = '79.5'),
      '$.data.amount must match',
    ],
    [
      'with a schemaVersion the schema does not describe',
      (value: Record<string, unknown>) => ((value['data'] as Record<string, unknown>)['schemaVersion'] = 2),
      '$.data.schemaVersion must be 1',
    ],
    [
      'without the charge it is about',
      (value: Record<string, unknown>) => delete (value['data'] as Record<string, unknown>)['chargeId'],
      '$.data must have chargeId',
    ],
  ])('refuses a ChargeAccepted message %s', (_what, spoil, problem) => {
    const { headers, value } = messageOf(EVENTS[6], 6);
    const spoiled = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    spoil(spoiled);

    expect(ledgerEventMessageProblems(schemas, headers, spoiled)).toEqual(
      expect.arrayContaining([expect.stringContaining(problem)]),
    );
  });

  it('refuses a message whose headers name no schema or another schema version', () => {
    const { headers, value } = messageOf(EVENTS[0], 0);

    expect(ledgerEventMessageProblems(schemas, { ...headers, 'event-type': 'TeamClosed' }, value)).toEqual([
      'no schema for event-type "TeamClosed"',
    ]);
    expect(ledgerEventMessageProblems(schemas, { ...headers, 'event-schema-version': '2' }, value)).toEqual([
      'event-schema-version header 2 is not data.schemaVersion',
    ]);
  });

  it('fails loudly on a keyword or reference the checker does not know, instead of passing', () => {
    expect(() => schemaProblems({ type: 'string', format: 'uuid' }, 'x')).toThrow(
      'Unsupported JSON Schema keyword format at $',
    );
    expect(() => schemaProblems({ $ref: 'other.json#/x' }, 'x')).toThrow('Unresolvable $ref other.json#/x');
  });
});
