import { LEDGER_EVENT_SCHEMA_VERSION, type LedgerEvent } from '@subledger/contracts';
import { ledgerEventOf, teamEventData, teamEventId } from './team-stream';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('team stream events', () => {
  it('names an event by its stream and version, the same every time', () => {
    expect(teamEventId('team-a', 0n)).toMatch(UUID_V8);
    expect(teamEventId('team-a', 0n)).toBe(teamEventId('team-a', 0n));
    expect(teamEventId('team-a', 1n)).not.toBe(teamEventId('team-a', 0n));
    expect(teamEventId('team-b', 0n)).not.toBe(teamEventId('team-a', 0n));
  });

  it('stores an event as its contract JSON, with the balance after it in the metadata, and reads it back', () => {
    const event: LedgerEvent = { type: 'ChargeAccepted', schemaVersion: LEDGER_EVENT_SCHEMA_VERSION, chargeId: 'c', accountId: 'a', amount: 5n, at: 1 };
    const data = teamEventData('team-t', 3n, event, 95n);
    expect(data).toEqual({
      id: teamEventId('team-t', 3n),
      type: 'ChargeAccepted',
      data: { type: 'ChargeAccepted', schemaVersion: 1, chargeId: 'c', accountId: 'a', amount: '5', at: 1 },
      metadata: { balanceAfter: '95' },
    });
    expect(ledgerEventOf('team-t', 3n, data.data)).toEqual(event);
  });

  it('refuses to read back something that is not a ledger event', () => {
    expect(() => ledgerEventOf('team-t', 2n, { type: 'Nonsense' })).toThrow('Event 2 of team-t is not a ledger event');
  });
});
