import { LEDGER_EVENT_SCHEMA_VERSION, type LedgerEvent } from '@subledger/contracts';
import { teamEventId } from './team-event-ids';
import { ledgerEventOf, numbersAfterOf, teamEventData } from './team-stream';

const charged: LedgerEvent = {
  type: 'ChargeAccepted',
  schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
  chargeId: 'c',
  accountId: 'a',
  amount: 5n,
  at: 1,
};
const toppedUp: LedgerEvent = {
  type: 'TopUpRecorded',
  schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
  topUpId: 'u',
  amount: 5n,
  at: 1,
};

describe('team stream events', () => {
  it('stores an event as its contract JSON, with the numbers after it in the metadata, and reads both back', () => {
    const data = teamEventData('team-t', 3n, charged, { balance: 95n, totalSpent: 5n });
    expect(data).toEqual({
      id: teamEventId('team-t', charged, 3n),
      type: 'ChargeAccepted',
      data: { type: 'ChargeAccepted', schemaVersion: 1, chargeId: 'c', accountId: 'a', amount: '5', at: 1 },
      metadata: { balanceAfter: '95', totalSpentAfter: '5' },
    });
    expect(ledgerEventOf('team-t', 3n, data.data)).toEqual(charged);
    expect(numbersAfterOf({ streamId: 'team-t', streamVersion: 3n, metadata: data.metadata ?? {} })).toEqual({
      balance: 95n,
      totalSpent: 5n,
    });
  });

  it('keeps only the balance after an event about no account', () => {
    const data = teamEventData('team-t', 1n, toppedUp, { balance: 5n });
    expect(data.metadata).toEqual({ balanceAfter: '5' });
    expect(numbersAfterOf({ streamId: 'team-t', streamVersion: 1n, metadata: data.metadata ?? {} })).toEqual({
      balance: 5n,
    });
  });

  it('refuses to read back something that is not a ledger event, or metadata without the balance', () => {
    expect(() => ledgerEventOf('team-t', 2n, { type: 'Nonsense' })).toThrow('Event 2 of team-t is not a ledger event');
    expect(() => numbersAfterOf({ streamId: 'team-t', streamVersion: 2n, metadata: {} })).toThrow(
      'Event 2 of team-t carries no balanceAfter',
    );
  });
});
