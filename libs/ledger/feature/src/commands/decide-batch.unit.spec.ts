import {
  LEDGER_EVENT_SCHEMA_VERSION,
  type LedgerCommand,
  type LedgerEvent,
  type LedgerOutcome,
} from '@subledger/contracts';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { NO_EVENTS, type TeamLedger } from '../team-state/team-ledger';
import { teamEventId } from '../team-state/team-event-ids';
import { DEFAULT_TEAM_MEMORY, newTeamLedger } from '../team-state/team-memory';
import { commandDigest, commandKey } from './command-identity';
import type { CommandHistory, FoundEvent } from './command-history';
import { decideBatch } from './decide-batch';
import type { CommandRead } from './ledger-command.reader';
import { recallFound } from './look-ups';

const newTeam = (teamId: string): TeamLedger => newTeamLedger(teamId, DEFAULT_TEAM_MEMORY);

function decideAll(commands: LedgerCommand[], teams: TeamLedger[], history?: CommandHistory) {
  const reads: CommandRead[] = commands.map((command) => ({ ok: true, value: { command } }));
  const byId = new Map(teams.map((team) => [team.teamId, team]));
  if (history !== undefined) recallFound(byId, history);
  return decideBatch(reads, byId, history);
}

/** A history in which the store holds `event` at `version` of team t's stream. */
function storeHolds(event: LedgerEvent, version: bigint, after: FoundEvent['after']): CommandHistory {
  return {
    events: new Map([[teamEventId('team-t', event, version), { streamId: 'team-t', version, event, after }]]),
    stored: new Map(),
  };
}

const oldCharge: LedgerEvent = {
  type: 'ChargeAccepted',
  schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
  chargeId: 'old',
  accountId: 'a',
  amount: 3n,
  at: 0,
};

describe('deciding a batch', () => {
  it('decides in order, each command seeing the events of those before it', () => {
    const team = newTeam('t');
    const { replies } = decideAll(
      [openTeam('t'), topUp('t', 'u', 10n), charge('t', 'a', 'c1', 7n), charge('t', 'a', 'c2', 7n)],
      [team],
    );
    expect(replies.map((reply) => reply.ok && reply.value.type)).toEqual([
      'team_opened',
      'top_up_recorded',
      'charge_accepted',
      'charge_refused',
    ]);
    expect(team.version).toBe(3n);
    expect(team.state.balance).toBe(3n);
  });

  it('writes one append per team from the version it started at, with the numbers after each event', () => {
    const known = newTeam('k');
    decideAll([openTeam('k'), topUp('k', 'u', 10n)], [known]);
    const { writes } = decideAll(
      [openTeam('n'), charge('k', 'a', 'c', 4n), topUp('n', 'u', 1n)],
      [known, newTeam('n')],
    );
    expect(
      writes.appends.map(({ streamId, expectedVersion, events }) => [
        streamId,
        expectedVersion,
        events.map((event) => event.metadata),
      ]),
    ).toEqual([
      ['team-n', 'no_stream', [{ balanceAfter: '0' }, { balanceAfter: '1' }]],
      ['team-k', 1n, [{ balanceAfter: '6', totalSpentAfter: '4' }]],
    ]);
    expect(writes.balances).toEqual([
      { teamId: 'n', currency: 'usd', balance: 1n, streamVersion: 1n },
      { teamId: 'k', currency: 'usd', balance: 6n, streamVersion: 2n },
    ]);
    expect(writes.spends).toEqual([
      { teamId: 'k', accountId: 'a', totalSpent: 4n, creditLimit: null, status: 'active', streamVersion: 2n },
    ]);
  });

  it("keeps the id of the HTTP request each command was sent for as its events' correlation id", () => {
    const team = newTeam('t');
    decideAll([openTeam('t'), topUp('t', 'u', 10n)], [team]);
    const reads: CommandRead[] = [
      { ok: true, value: { command: charge('t', 'a', 'c1', 1n), requestId: 'req-1' } },
      { ok: true, value: { command: charge('t', 'a', 'c2', 1n) } },
    ];
    const { writes } = decideBatch(reads, new Map([['t', team]]));
    expect(writes.appends[0].events.map((event) => event.metadata?.correlationId)).toEqual(['req-1', undefined]);
  });

  it('writes spend only for accounts whose spend or policy changed, not for refused charges', () => {
    const team = newTeam('t');
    decideAll([openTeam('t')], [team]);
    const { writes } = decideAll([setPolicy('t', 'capped', 0n), charge('t', 'other', 'c', 1n)], [team]);
    expect(writes.spends.map((row) => row.accountId)).toEqual(['capped']);
    expect(writes.appends[0].events.map((event) => event.type)).toEqual(['SpendPolicySet', 'ChargeRefused']);
  });

  it('stores the answers of commands that recorded no event only; an event is its own record', () => {
    const team = newTeam('t');
    const { writes } = decideAll(
      [
        openTeam('t'),
        topUp('t', 'u', 5n),
        charge('t', 'a', 'c', 0n),
        refund('t', 'nothing'),
        setPolicy('t', 'a', null),
      ],
      [team],
    );
    expect(writes.processed.map((row) => [row.identity.commandId, row.identity.digest, row.outcome.type])).toEqual([
      ['c', commandDigest(charge('t', 'a', 'c', 0n)), 'refused'],
      ['refund:nothing', commandDigest(refund('t', 'nothing')), 'refused'],
    ]);
  });

  it('answers a command whose answer the store holds with that answer, deciding nothing', () => {
    const team = newTeam('t');
    const command = openTeam('t');
    const stored: LedgerOutcome = { type: 'refused', refusal: { reason: 'invalid_currency', currency: 'USD' } };
    const history = {
      events: new Map(),
      stored: new Map([[commandKey('t', 'open:t'), [{ digest: commandDigest(command), outcome: stored }]]]),
    };
    const { replies, writes } = decideAll([command], [team], history);
    expect(replies).toEqual([{ ok: true, value: stored }]);
    expect(writes).toEqual({ appends: [], balances: [], spends: [], processed: [], unchanged: [] });
    expect(team.version).toBe(NO_EVENTS);
  });

  it('answers a command whose event the store holds with the outcome rebuilt from it, as first answered', () => {
    const team = newTeam('t');
    decideAll([openTeam('t'), topUp('t', 'u', 100n), charge('t', 'a', 'new', 1n)], [team]);
    const { replies, writes } = decideAll(
      [charge('t', 'a', 'old', 3n)],
      [team],
      storeHolds(oldCharge, 1n, { balance: 7n, totalSpent: 3n }),
    );
    expect(replies).toEqual([
      {
        ok: true,
        value: {
          type: 'charge_accepted',
          chargeId: 'old',
          accountId: 'a',
          amount: 3n,
          balance: 7n,
          totalSpent: 3n,
          replayed: false,
        },
      },
    ]);
    expect(writes.appends).toEqual([]);
  });

  it('decides an id the store holds with other fields anew, on the record recalled from the store', () => {
    const team = newTeam('t');
    decideAll([openTeam('t'), topUp('t', 'u', 100n)], [team]);
    const { replies, writes } = decideAll(
      [charge('t', 'a', 'old', 4n), refund('t', 'old')],
      [team],
      storeHolds(oldCharge, 1n, { balance: 7n, totalSpent: 3n }),
    );
    expect(replies.map((reply) => reply.ok && reply.value)).toEqual([
      { type: 'refused', refusal: { reason: 'charge_id_reused', chargeId: 'old' } },
      expect.objectContaining({ type: 'charge_refunded', chargeId: 'old', amount: 3n, replayed: false }),
    ]);
    expect(writes.appends[0].events.map((event) => [event.type, event.data['chargeId']])).toEqual([
      ['ChargeRefunded', 'old'],
    ]);
    expect(team.refused.mayHold('old')).toBe(true);
  });

  it('names the teams it decided on without appending, at the version their decisions read', () => {
    const quiet = newTeam('q');
    const busy = newTeam('b');
    decideAll([openTeam('q'), setPolicy('q', 'a', 5n), openTeam('b')], [quiet, busy]);
    const { writes } = decideAll([setPolicy('q', 'a', 5n), refund('q', 'unknown'), topUp('b', 'u', 1n)], [quiet, busy]);
    expect(writes.unchanged).toEqual([{ streamId: 'team-q', version: 1n }]);
    expect(writes.appends.map((append) => append.streamId)).toEqual(['team-b']);
  });

  it('answers a command repeated within the batch alike, and a reuse of its id anew', () => {
    const team = newTeam('t');
    const { replies, writes } = decideAll(
      [openTeam('t'), topUp('t', 'u', 5n), topUp('t', 'u', 5n), topUp('t', 'u', 6n)],
      [team],
    );
    expect(replies[2]).toEqual(replies[1]);
    expect(replies[3]).toEqual({
      ok: true,
      value: { type: 'refused', refusal: { reason: 'top_up_id_reused', topUpId: 'u' } },
    });
    expect(writes.appends[0].events.map((event) => event.type)).toEqual(['TeamOpened', 'TopUpRecorded']);
  });

  it('remembers with the team the ids of commands refused without an event', () => {
    const team = newTeam('t');
    decideAll(
      [charge('t', 'a', 'too-early', 1n), openTeam('t'), charge('t', 'a', 'fine', 0n), charge('t', 'a', 'paid', 1n)],
      [team],
    );
    expect(['too-early', 'fine', 'paid'].map((id) => team.refused.mayHold(id))).toEqual([true, true, false]);
  });

  it('keeps no outcome of a spend policy, and answers an unreadable command with its refusal', () => {
    const team = newTeam('t');
    decideAll([openTeam('t')], [team]);
    const refusal = { type: 'invalid_command', field: 'amount', message: 'bad' } as const;
    const reads: CommandRead[] = [
      { ok: false, error: refusal },
      { ok: true, value: { command: setPolicy('t', 'a', 1n) } },
    ];
    const { replies, writes } = decideBatch(reads, new Map([['t', team]]));
    expect(replies[0]).toEqual({ ok: false, refusal });
    expect(replies[1]).toMatchObject({ ok: true, value: { type: 'spend_policy_set' } });
    expect(writes.processed).toEqual([]);
  });
});
