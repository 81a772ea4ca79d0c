import { ledgerEventCodec, LEDGER_EVENT_SCHEMA_VERSION, type LedgerEvent } from '@subledger/contracts';
import type { JsonObject, RecordedEvent } from '@subledger/event-store';
import { foldActivity } from './activity-fold';

const T0 = Date.UTC(2026, 0, 1, 10);
const MINUTE = 60_000;
let position = 0n;

function recorded(streamId: string, event: LedgerEvent): RecordedEvent {
  position += 1n;
  return {
    id: `e${position}`,
    streamId,
    type: event.type,
    data: ledgerEventCodec.encode(event) as JsonObject,
    metadata: {},
    streamVersion: position,
    globalPosition: position,
    recordedAt: new Date(0),
  };
}

const v = LEDGER_EVENT_SCHEMA_VERSION;
const accepted = (chargeId: string, at: number): LedgerEvent => ({
  type: 'ChargeAccepted',
  schemaVersion: v,
  chargeId,
  accountId: 'a',
  amount: 7_900n,
  at,
});
const refunded = (chargeId: string, at: number): LedgerEvent => ({
  type: 'ChargeRefunded',
  schemaVersion: v,
  chargeId,
  accountId: 'a',
  amount: 7_900n,
  reason: 'failed',
  at,
});
const refused = (
  chargeId: string,
  reason: 'credit_limit_exceeded' | 'insufficient_balance',
  at: number,
): LedgerEvent => ({
  type: 'ChargeRefused',
  schemaVersion: v,
  chargeId,
  accountId: 'a',
  amount: 5n,
  reason,
  creditLimit: 1n,
  totalSpent: 0n,
  balance: 10n,
  at,
});

describe('folding events into activity per minute', () => {
  it('counts every team together per minute: charges accepted, refunds, and refusals by reason', () => {
    const fold = foldActivity([
      recorded('team-t', accepted('c1', T0 + 1)),
      recorded('team-u', accepted('c1', T0 + MINUTE - 1)),
      recorded('team-t', refused('c2', 'credit_limit_exceeded', T0 + 5)),
      recorded('team-u', refused('c2', 'insufficient_balance', T0 + 6)),
      recorded('team-t', refused('c3', 'credit_limit_exceeded', T0 + MINUTE)),
      recorded('team-t', refunded('c1', T0 + 2 * MINUTE)),
      recorded('project-x', accepted('c9', T0)),
      recorded('team-t', { type: 'TopUpRecorded', schemaVersion: v, topUpId: 'u', amount: 10n, at: T0 + 9 * MINUTE }),
    ]);
    expect(fold.deltas).toEqual([
      { minuteStart: T0, outcome: 'accepted', reason: '', count: 2 },
      { minuteStart: T0, outcome: 'refused', reason: 'credit_limit_exceeded', count: 1 },
      { minuteStart: T0, outcome: 'refused', reason: 'insufficient_balance', count: 1 },
      { minuteStart: T0 + MINUTE, outcome: 'refused', reason: 'credit_limit_exceeded', count: 1 },
      { minuteStart: T0 + 2 * MINUTE, outcome: 'refunded', reason: '', count: 1 },
    ]);
    expect(fold.newestMinute).toBe(T0 + 2 * MINUTE);
  });

  it('has nothing to count, and no newest minute, in a batch without charges', () => {
    expect(
      foldActivity([
        recorded('team-t', { type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: T0 }),
      ]),
    ).toEqual({ deltas: [], newestMinute: undefined });
  });
});
