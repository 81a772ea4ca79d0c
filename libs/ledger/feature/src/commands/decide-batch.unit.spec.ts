import type { LedgerCommand, LedgerOutcome } from '@subledger/contracts';
import { initialState } from '@subledger/ledger-domain';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { NO_EVENTS, type TeamLedger } from '../team-state/team-ledger';
import { commandIdentityOf, identityKey } from './command-identity';
import { decideBatch } from './decide-batch';
import type { CommandRead } from './ledger-command.reader';

const newTeam = (teamId: string): TeamLedger => ({ teamId, state: initialState(), version: NO_EVENTS, refusedCommandIds: new Set<string>() });

function decideAll(commands: LedgerCommand[], teams: TeamLedger[], stored = new Map<string, LedgerOutcome>()) {
  const reads: CommandRead[] = commands.map((command) => ({ ok: true, command }));
  return decideBatch(reads, commands.map(commandIdentityOf), new Map(teams.map((team) => [team.teamId, team])), stored);
}

describe('deciding a batch', () => {
  it('decides in order, each command seeing the events of those before it', () => {
    const team = newTeam('t');
    const { replies } = decideAll([openTeam('t'), topUp('t', 'u', 10n), charge('t', 'a', 'c1', 7n), charge('t', 'a', 'c2', 7n)], [team]);
    expect(replies.map((reply) => reply.ok && reply.value.type)).toEqual(['team_opened', 'top_up_recorded', 'charge_accepted', 'charge_refused']);
    expect(team.version).toBe(3n);
    expect(team.state.balance).toBe(3n);
  });

  it('writes one append per team from the version it started at, with the balance after each event', () => {
    const known = newTeam('k');
    decideAll([openTeam('k'), topUp('k', 'u', 10n)], [known]);
    const { writes } = decideAll([openTeam('n'), charge('k', 'a', 'c', 4n), topUp('n', 'u', 1n)], [known, newTeam('n')]);
    expect(writes.appends.map(({ streamId, expectedVersion, events }) => [streamId, expectedVersion, events.map((event) => event.metadata)])).toEqual([
      ['team-n', 'no_stream', [{ balanceAfter: '0' }, { balanceAfter: '1' }]],
      ['team-k', 1n, [{ balanceAfter: '6' }]],
    ]);
    expect(writes.balances).toEqual([
      { teamId: 'n', currency: 'usd', balance: 1n, streamVersion: 1n },
      { teamId: 'k', currency: 'usd', balance: 6n, streamVersion: 2n },
    ]);
    expect(writes.spends).toEqual([{ teamId: 'k', accountId: 'a', totalSpent: 4n, creditLimit: null, status: 'active', streamVersion: 2n }]);
  });

  it('writes spend only for accounts whose spend or policy changed, not for refused charges', () => {
    const team = newTeam('t');
    decideAll([openTeam('t')], [team]);
    const { writes } = decideAll([setPolicy('t', 'capped', 0n), charge('t', 'other', 'c', 1n)], [team]);
    expect(writes.spends.map((row) => row.accountId)).toEqual(['capped']);
    expect(writes.appends[0].events.map((event) => event.type)).toEqual(['SpendPolicySet', 'ChargeRefused']);
  });

  it('answers a command processed in an earlier delivery with its stored outcome, deciding nothing', () => {
    const team = newTeam('t');
    const command = openTeam('t');
    const stored: LedgerOutcome = { type: 'refused', refusal: { reason: 'invalid_currency', currency: 'USD' } };
    const identity = commandIdentityOf(command);
    if (identity === null) throw new Error('OpenTeam has an identity');
    const { replies, writes } = decideAll([command], [team], new Map([[identityKey(identity), stored]]));
    expect(replies).toEqual([{ ok: true, value: stored }]);
    expect(writes).toEqual({ appends: [], balances: [], spends: [], processed: [], unchanged: [] });
    expect(team.version).toBe(NO_EVENTS);
  });

  it('names the teams it decided on without appending, at the version their decisions read', () => {
    const quiet = newTeam('q');
    const busy = newTeam('b');
    decideAll([openTeam('q'), setPolicy('q', 'a', 5n), openTeam('b')], [quiet, busy]);
    const { writes } = decideAll([setPolicy('q', 'a', 5n), refund('q', 'unknown'), topUp('b', 'u', 1n)], [quiet, busy]);
    expect(writes.unchanged).toEqual([{ streamId: 'team-q', version: 1n }]);
    expect(writes.appends.map((append) => append.streamId)).toEqual(['team-b']);
  });

  it('answers a command repeated within the batch alike, and records it once', () => {
    const team = newTeam('t');
    const { replies, writes } = decideAll([openTeam('t'), topUp('t', 'u', 5n), topUp('t', 'u', 5n)], [team]);
    expect(replies[2]).toEqual(replies[1]);
    expect(writes.processed.map((row) => row.identity.commandId)).toEqual(['open:t', 'u']);
  });

  it('remembers with the team the ids of commands refused without an event', () => {
    const team = newTeam('t');
    decideAll([charge('t', 'a', 'too-early', 1n), openTeam('t'), charge('t', 'a', 'fine', 0n)], [team]);
    expect([...team.refusedCommandIds]).toEqual(['too-early', 'fine']);
  });

  it('keeps no outcome of a spend policy, and answers an unreadable command with its refusal', () => {
    const team = newTeam('t');
    decideAll([openTeam('t')], [team]);
    const refusal = { type: 'invalid_command', field: 'amount', message: 'bad' } as const;
    const reads: CommandRead[] = [{ ok: false, refusal }, { ok: true, command: setPolicy('t', 'a', 1n) }];
    const { replies, writes } = decideBatch(reads, [null, null], new Map([['t', team]]), new Map());
    expect(replies[0]).toEqual({ ok: false, refusal });
    expect(replies[1]).toMatchObject({ ok: true, value: { type: 'spend_policy_set' } });
    expect(writes.processed).toEqual([]);
  });
});
