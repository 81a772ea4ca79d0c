import { LEDGER_EVENT_SCHEMA_VERSION, type LedgerEvent } from '@subledger/contracts';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { lookUpEventIds, ownEventId, teamEventId } from './team-event-ids';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const v = LEDGER_EVENT_SCHEMA_VERSION;
const accepted: LedgerEvent = {
  type: 'ChargeAccepted',
  schemaVersion: v,
  chargeId: 'c',
  accountId: 'a',
  amount: 5n,
  at: 1,
};
const refused: LedgerEvent = {
  type: 'ChargeRefused',
  schemaVersion: v,
  chargeId: 'c',
  accountId: 'b',
  amount: 9n,
  reason: 'insufficient_balance',
  creditLimit: null,
  totalSpent: 0n,
  balance: 0n,
  at: 2,
};
const refunded: LedgerEvent = {
  type: 'ChargeRefunded',
  schemaVersion: v,
  chargeId: 'c',
  accountId: 'a',
  amount: 5n,
  reason: 'failed',
  at: 3,
};
const policy: LedgerEvent = {
  type: 'SpendPolicySet',
  schemaVersion: v,
  accountId: 'a',
  creditLimit: null,
  status: 'active',
  at: 4,
};
const opened: LedgerEvent = { type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: 0 };
const toppedUp: LedgerEvent = { type: 'TopUpRecorded', schemaVersion: v, topUpId: 'u', amount: 5n, at: 5 };

describe('team event ids', () => {
  it('derives an event id from the stream and the id of the command it answers, whatever its version', () => {
    expect(teamEventId('team-t', accepted, 4n)).toMatch(UUID_V8);
    expect(teamEventId('team-t', accepted, 4n)).toBe(teamEventId('team-t', accepted, 9n));
    expect(teamEventId('team-t', refused, 7n)).toBe(teamEventId('team-t', accepted, 4n));
    expect(teamEventId('team-u', accepted, 4n)).not.toBe(teamEventId('team-t', accepted, 4n));
    expect(teamEventId('team-t', refunded, 4n)).not.toBe(teamEventId('team-t', accepted, 4n));
  });

  it('names a spend policy, which answers no command id, by its version', () => {
    expect(teamEventId('team-t', policy, 1n)).not.toBe(teamEventId('team-t', policy, 2n));
    expect(teamEventId('team-t', policy, 0n)).not.toBe(teamEventId('team-t', opened, 0n));
  });

  it('finds the id of the event a command records, and those to look up for it', () => {
    expect(ownEventId('team-t', charge('t', 'a', 'c', 5n))).toBe(teamEventId('team-t', accepted, 1n));
    expect(ownEventId('team-t', refund('t', 'c'))).toBe(teamEventId('team-t', refunded, 1n));
    expect(ownEventId('team-t', openTeam('t'))).toBe(teamEventId('team-t', opened, 0n));
    expect(ownEventId('team-t', topUp('t', 'u', 5n))).toBe(teamEventId('team-t', toppedUp, 2n));
    expect(ownEventId('team-t', setPolicy('t', 'a', null))).toBeNull();
    const chargeAndRefund = [teamEventId('team-t', accepted, 1n), teamEventId('team-t', refunded, 2n)];
    expect(lookUpEventIds('team-t', charge('t', 'a', 'c', 5n))).toEqual(chargeAndRefund);
    expect(lookUpEventIds('team-t', refund('t', 'c'))).toEqual(chargeAndRefund);
    expect(lookUpEventIds('team-t', topUp('t', 'u', 1n))).toEqual([teamEventId('team-t', toppedUp, 2n)]);
    expect(lookUpEventIds('team-t', setPolicy('t', 'a', null))).toEqual([]);
  });
});
