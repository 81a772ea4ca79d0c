import { ledgerEventCodec, LEDGER_EVENT_SCHEMA_VERSION, type LedgerEvent } from '@subledger/contracts';
import type { JsonObject, RecordedEvent } from '@subledger/event-store';
import { HOUR_MS } from './bucket-length';
import { foldUsage } from './usage-fold';

const T0 = Date.UTC(2026, 0, 1, 10);
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
const accepted = (accountId: string, chargeId: string, amount: bigint, at: number): LedgerEvent => ({
  type: 'ChargeAccepted',
  schemaVersion: v,
  chargeId,
  accountId,
  amount,
  at,
});
const refunded = (accountId: string, chargeId: string, amount: bigint, at: number): LedgerEvent => ({
  type: 'ChargeRefunded',
  schemaVersion: v,
  chargeId,
  accountId,
  amount,
  reason: 'failed',
  at,
});
const refused = (accountId: string, chargeId: string, at: number): LedgerEvent => ({
  type: 'ChargeRefused',
  schemaVersion: v,
  chargeId,
  accountId,
  amount: 5n,
  reason: 'credit_limit_exceeded',
  creditLimit: 1n,
  totalSpent: 0n,
  balance: 10n,
  at,
});

describe('folding events into hourly usage', () => {
  it('counts charges, refunds and refusals per team, account and hour, spend being charged less refunded', () => {
    const deltas = foldUsage([
      recorded('team-t', { type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: T0 }),
      recorded('team-t', accepted('a', 'c1', 7_900n, T0 + 1)),
      recorded('team-t', accepted('a', 'c2', 7_900n, T0 + HOUR_MS - 1)),
      recorded('team-t', refused('a', 'c3', T0 + 5)),
      recorded('team-t', accepted('b', 'c4', 100n, T0 + 2)),
      recorded('team-t', refunded('a', 'c1', 7_900n, T0 + HOUR_MS)),
      recorded('team-u', accepted('a', 'c1', 1n, T0)),
      recorded('project-x', accepted('a', 'c9', 1n, T0)),
    ]);
    expect(deltas).toEqual([
      { teamId: 't', accountId: 'a', hourStart: T0, charges: 2, refunds: 0, refusals: 1, spend: 15_800n },
      { teamId: 't', accountId: 'b', hourStart: T0, charges: 1, refunds: 0, refusals: 0, spend: 100n },
      { teamId: 't', accountId: 'a', hourStart: T0 + HOUR_MS, charges: 0, refunds: 1, refusals: 0, spend: -7_900n },
      { teamId: 'u', accountId: 'a', hourStart: T0, charges: 1, refunds: 0, refusals: 0, spend: 1n },
    ]);
  });

  it('leaves out every other event', () => {
    expect(
      foldUsage([
        recorded('team-t', {
          type: 'TopUpRecorded',
          schemaVersion: v,
          topUpId: 'u',
          amount: 10n,
          at: T0,
        } as LedgerEvent),
      ]),
    ).toEqual([]);
  });
});
