import { Logger } from '@nestjs/common';
import type { SqlEventStore } from '@subledger/event-store';
import { outcomeOf } from '../testing/expect-reply';
import { FlakyStore } from '../testing/flaky-store';
import { charge, openTeam, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { processedCount, projectedTeams, replayedTeams, streamOf } from '../testing/ledger-rows';
import { batchOf, type LedgerTestApp, startLedger } from '../testing/ledger-test-app';

describe.each(ledgerDatabases)('ledger redelivery on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let flaky: FlakyStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    flaky = new FlakyStore(store);
    ledger = await startLedger(flaky);
    for (const team of ['a', 'b', 'c']) {
      await ledger.send(openTeam(team));
      await ledger.send(topUp(team, 'up-1', 1_000n));
    }
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  const chargesOf = async (team: string) =>
    (await streamOf(store, team))
      .filter((event) => event.type.startsWith('Charge'))
      .map((event) => event.data['chargeId']);

  it('appends a command delivered twice once and answers both deliveries alike', async () => {
    const command = charge('a', 'acc', 'twice', 100n);
    const [first, second] = await Promise.all([ledger.send(command), ledger.send(command)]);
    const later = await ledger.send({ ...command, at: command.at + 1_000 });
    expect(outcomeOf(first)).toMatchObject({ type: 'charge_accepted', balance: 900n, replayed: false });
    expect(second).toEqual(first);
    expect(later).toEqual(first);
    expect(await chargesOf('a')).toEqual(['twice']);
  });

  it('answers a redelivery with the stored outcome even after the balance has moved on', async () => {
    const command = charge('a', 'acc', 'early', 50n);
    const first = await ledger.send(command);
    await ledger.send(charge('a', 'acc', 'after', 25n));
    expect(await ledger.send(command)).toEqual(first);
  });

  it('answers a redelivered refusal as refused, even when the team has changed since', async () => {
    const early = charge('late-team', 'acc', 'before-opening', 5n);
    const first = await ledger.send(early);
    expect(outcomeOf(first)).toEqual({ type: 'refused', refusal: { reason: 'team_not_found', teamId: 'late-team' } });
    await ledger.send(openTeam('late-team'));
    await ledger.send(topUp('late-team', 'up', 100n));
    expect(await ledger.send(early)).toEqual(first);
    const restarted = await startLedger(store);
    try {
      expect(await restarted.send(early)).toEqual(first);
    } finally {
      await restarted.close();
    }
    expect(await chargesOf('late-team')).toEqual([]);
  });

  it('decides a reused id with other fields anew, as the named reuse refusal', async () => {
    const reused = await ledger.send(charge('a', 'acc', 'twice', 999n));
    expect(outcomeOf(reused)).toEqual({ type: 'refused', refusal: { reason: 'charge_id_reused', chargeId: 'twice' } });
  });

  it('leaves nothing of a batch whose commit failed, and commits it whole when delivered again', async () => {
    const batch = batchOf([charge('b', 'acc', 'b-1', 10n), charge('b', 'acc', 'b-2', 20n), topUp('b', 'up-2', 5n)]);
    const before = { projections: await projectedTeams(store), processed: await processedCount(store) };
    flaky.planned.push('before-commit');
    await expect(ledger.commands.handle(batch)).rejects.toThrow('injected');
    expect(await chargesOf('b')).toEqual([]);
    expect(await projectedTeams(store)).toEqual(before.projections);
    expect(await processedCount(store)).toBe(before.processed);
    const replies = (await ledger.commands.handle(batch)).map(outcomeOf);
    expect(replies.map((reply) => reply.type)).toEqual(['charge_accepted', 'charge_accepted', 'top_up_recorded']);
    expect(replies[2]).toMatchObject({ balance: 1_000n - 30n + 5n, replayed: false });
    expect(await chargesOf('b')).toEqual(['b-1', 'b-2']);
    // Each recorded an event, which is its record: no processed-command row.
    expect(await processedCount(store)).toBe(before.processed);
  });

  it('answers a batch that committed before a crash with its stored outcomes, appending nothing more', async () => {
    const batch = batchOf([charge('c', 'acc', 'c-1', 10n), charge('c', 'acc', 'c-2', 2_000n)]);
    flaky.planned.push('after-commit');
    await expect(ledger.commands.handle(batch)).rejects.toThrow('injected');
    const replies = (await ledger.commands.handle(batch)).map(outcomeOf);
    expect(replies[0]).toMatchObject({ type: 'charge_accepted', balance: 990n, totalSpent: 10n, replayed: false });
    expect(replies[1]).toMatchObject({
      type: 'charge_refused',
      reason: 'insufficient_balance',
      balance: 990n,
      replayed: false,
    });
    expect(await chargesOf('c')).toEqual(['c-1', 'c-2']);
  });

  it('recovers through the bus from a failed commit: the batch is delivered again and answered once', async () => {
    flaky.planned.push('before-commit');
    const outcomes = (
      await Promise.all([ledger.send(charge('b', 'acc', 'bus-1', 1n)), ledger.send(charge('b', 'acc', 'bus-2', 1n))])
    ).map(outcomeOf);
    expect(outcomes.map((outcome) => outcome.type)).toEqual(['charge_accepted', 'charge_accepted']);
    expect(await chargesOf('b')).toEqual(['b-1', 'b-2', 'bus-1', 'bus-2']);
    expect(await projectedTeams(store)).toEqual(await replayedTeams(store));
  });

  it('reloads a team another writer appended to, and decides on what that writer committed', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await ledger.send(charge('a', 'acc', 'warm', 1n));
    const rival = await startLedger(store);
    try {
      await rival.send(topUp('a', 'rival-up', 10_000n));
    } finally {
      await rival.close();
    }
    const balanceBefore = (await projectedTeams(store))['a'].balance;
    const outcome = outcomeOf(await ledger.send(charge('a', 'acc', 'after-rival', 5n)));
    expect(outcome).toMatchObject({ type: 'charge_accepted', balance: balanceBefore - 5n });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Another writer appended to team-a'));
    expect(await projectedTeams(store)).toEqual(await replayedTeams(store));
  });
});
