import { LEDGER_EVENT_SCHEMA_VERSION, type LedgerCommand, type LedgerEvent } from '@subledger/contracts';
import { evolve } from '@subledger/ledger-domain';
import type { TeamLedger } from '../team-state/team-ledger';
import { lookUpEventIds, teamEventId } from '../team-state/team-event-ids';
import { newTeamLedger } from '../team-state/team-memory';
import { adjust, charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import type { FoundEvent } from './command-history';
import { needsLookUp, recallFound, whatToLookUp } from './look-ups';

const v = LEDGER_EVENT_SCHEMA_VERSION;
const events: LedgerEvent[] = [
  { type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: 0 },
  { type: 'TopUpRecorded', schemaVersion: v, topUpId: 'up', amount: 100n, at: 0 },
  { type: 'ChargeAccepted', schemaVersion: v, chargeId: 'paid', accountId: 'a', amount: 1n, at: 0 },
  { type: 'ChargeAccepted', schemaVersion: v, chargeId: 'back', accountId: 'a', amount: 1n, at: 0 },
  { type: 'ChargeRefunded', schemaVersion: v, chargeId: 'back', accountId: 'a', amount: 1n, reason: 'failed', at: 0 },
];

function team(): TeamLedger {
  const ledger = newTeamLedger('t', { recentCharges: 8, refusedIds: 8 });
  for (const event of events) evolve(ledger.state, event);
  ledger.refused.add('refused-before');
  return ledger;
}

const check = (command: LedgerCommand, commandId: string): boolean => needsLookUp(command, commandId, team());

describe('what a batch looks up in the store before deciding', () => {
  it.each([
    ['a charge memory holds: a repeat or a reuse', charge('t', 'a', 'paid', 1n), 'paid'],
    ['a command refused before without an event', charge('t', 'a', 'refused-before', 1n), 'refused-before'],
    ['opening an opened team', openTeam('t'), 'open:t'],
    ['refunding a refunded charge', refund('t', 'back'), 'refund:back'],
    ['refunding a charge memory does not hold', refund('t', 'forgotten'), 'refund:forgotten'],
    ['any top-up', topUp('t', 'new-up', 10n), 'new-up'],
    ['any adjustment', adjust('t', 'new-adjustment', 10n), 'new-adjustment'],
  ])('looks up %s', (_case, command, commandId) => {
    expect(check(command, commandId)).toBe(true);
  });

  it.each([
    [
      'a charge memory does not hold: the store refuses a second event under its id',
      charge('t', 'a', 'new', 1n),
      'new',
    ],
    ['refunding a charge memory holds unrefunded', refund('t', 'paid'), 'refund:paid'],
    ['opening a team not opened', openTeam('u'), 'open:u'],
  ])('does not look up %s', (_case, command, commandId) => {
    const ledger = team();
    if (command.type === 'OpenTeam') ledger.state.team = null;
    expect(needsLookUp(command, commandId, ledger)).toBe(false);
  });

  it('looks up every command with an id in careful mode, and only some in fast mode', () => {
    const teams = new Map([['t', team()]]);
    const reads = [charge('t', 'a', 'new', 1n), refund('t', 'forgotten'), setPolicy('t', 'a', null)].map((command) => ({
      ok: true as const,
      value: { command },
    }));
    expect(whatToLookUp(reads, teams, 'fast')).toEqual({
      eventIds: lookUpEventIds('team-t', refund('t', 'forgotten')),
      commands: [{ teamId: 't', commandId: 'refund:forgotten' }],
    });
    expect(whatToLookUp(reads, teams, 'careful')).toEqual({
      eventIds: [
        ...lookUpEventIds('team-t', charge('t', 'a', 'new', 1n)),
        ...lookUpEventIds('team-t', refund('t', 'forgotten')),
      ],
      commands: [
        { teamId: 't', commandId: 'new' },
        { teamId: 't', commandId: 'refund:forgotten' },
      ],
    });
  });

  it('recalls the records of found events in stream order, whatever order they were found in', () => {
    const ledger = newTeamLedger('t', { recentCharges: 8, refusedIds: 8 });
    const found = (event: LedgerEvent, version: bigint): [string, FoundEvent] => [
      teamEventId('team-t', event, version),
      { streamId: 'team-t', version, event, after: { balance: 0n } },
    ];
    recallFound(new Map([['t', ledger]]), {
      events: new Map([found(events[4], 4n), found(events[3], 3n)]),
      stored: new Map(),
    });
    expect(ledger.state.charges.get('back')).toEqual({
      accountId: 'a',
      amount: 1n,
      messageId: undefined,
      standing: 'refunded',
    });
    expect(ledger.state.balance).toBe(0n);
  });
});
