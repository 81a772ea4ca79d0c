import type { LedgerCommand } from '@subledger/contracts';
import { type SqlEventStore, WrongExpectedVersionError } from '@subledger/event-store';
import { ledgerTables } from '../store/ledger-tables';
import { outcomeOf } from '../testing/expect-reply';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { projectedTeams, replayedTeams, streamOf } from '../testing/ledger-rows';
import { batchOf, type LedgerTestApp, startLedger } from '../testing/ledger-test-app';

// Two writers of one team at once happen only in distributed mode, when a partition moves between
// ledger replicas and back: the one that held it before still has the team's old state in memory.
// Each writer has its own pool on the same schema, as two processes would.
const [, openPostgres] = ledgerDatabases.find(([name]) => name === 'PostgreSQL') as (typeof ledgerDatabases)[number];

describe('a stale ledger writer on PostgreSQL', () => {
  let database: LedgerDatabase;
  let storeA: SqlEventStore;
  let storeB: SqlEventStore;
  let a: LedgerTestApp;
  let b: LedgerTestApp;

  beforeAll(async () => {
    database = await openPostgres();
    storeA = await database.openStore();
    storeB = await database.openStore();
    a = await startLedger(storeA);
    b = await startLedger(storeB);
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await storeA.close();
    await storeB.close();
    await database.dispose();
  });

  /** Opens and funds a team through writer A, with `acc` capped at `limit`: A now holds its state. */
  const teamHeldByA = async (teamId: string, limit: bigint) => {
    for (const command of [openTeam(teamId), topUp(teamId, 'up', 10_000n), setPolicy(teamId, 'acc', limit)])
      outcomeOf(await a.send(command));
  };

  /** Everything a batch could have left behind: events, processed commands, projections. */
  const rows = async () => {
    const { rows: processed } = await storeA.sql.query<{ team_id: string; command_id: string; outcome: unknown }>(
      `SELECT team_id, command_id, outcome FROM ${ledgerTables(storeA.quotedSchema).processedCommands} ORDER BY team_id, command_id`,
    );
    return { events: await storeA.readAll(), processed, projections: await projectedTeams(storeA) };
  };

  /** Delivers `commands` to A as one batch, which must fail on `teamId`'s version and leave no row. */
  const expectFenced = async (commands: LedgerCommand[], teamId: string, expected: bigint, actual: bigint) => {
    const before = await rows();
    const failure = await a.commands.handle(batchOf(commands)).then(
      (replies) => {
        throw new Error(
          `The stale batch was answered: ${JSON.stringify(replies, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}`,
        );
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WrongExpectedVersionError);
    expect(failure).toMatchObject({ streamId: `team-${teamId}`, expected, actual });
    expect(await rows()).toEqual(before);
  };

  it("fails a stale charge on the expected version, commits nothing of its batch, and decides it again on the other writer's charge", async () => {
    await teamHeldByA('t1', 100n);
    await teamHeldByA('u1', 100n);
    // B loads t1 as it is now (version 2) and charges 80 of the 100 A still believes unspent.
    expect(outcomeOf(await b.send(charge('t1', 'acc', 'by-b', 80n)))).toMatchObject({
      type: 'charge_accepted',
      totalSpent: 80n,
    });

    // A's batch also holds a charge of u1, whose state A holds up to date: it is not committed either.
    const batch = [charge('u1', 'acc', 'u1-by-a', 10n), charge('t1', 'acc', 'by-a', 50n)];
    await expectFenced(batch, 't1', 2n, 3n);

    // Delivered again, A decides on the reloaded state: 80 + 50 would pass the cap of 100.
    const replies = (await a.commands.handle(batchOf(batch))).map(outcomeOf);
    expect(replies).toEqual([
      expect.objectContaining({ type: 'charge_accepted', chargeId: 'u1-by-a', totalSpent: 10n, replayed: false }),
      expect.objectContaining({
        type: 'charge_refused',
        chargeId: 'by-a',
        reason: 'credit_limit_exceeded',
        totalSpent: 80n,
        creditLimit: 100n,
      }),
    ]);
    expect((await streamOf(storeA, 't1')).map((event) => [event.type, event.data['chargeId']])).toEqual([
      ['TeamOpened', undefined],
      ['TopUpRecorded', undefined],
      ['SpendPolicySet', undefined],
      ['ChargeAccepted', 'by-b'],
      ['ChargeRefused', 'by-a'],
    ]);
    const projections = await projectedTeams(storeA);
    expect(projections['t1'].accounts['acc'].totalSpent).toBe(80n);
    expect(projections['t1'].balance).toBe(10_000n - 80n);
    expect(projections).toEqual(await replayedTeams(storeA));
  });

  it('fences a stale decision that appends nothing: a credit limit set back to what A last saw is recorded', async () => {
    await teamHeldByA('t2', 100n);
    outcomeOf(await b.send(setPolicy('t2', 'acc', 1_000n)));
    // To A's old state, a cap of 100 is already in force: answered as a replay, it would leave 1,000.
    await expectFenced([setPolicy('t2', 'acc', 100n)], 't2', 2n, 3n);

    const [again] = (await a.commands.handle(batchOf([setPolicy('t2', 'acc', 100n)]))).map(outcomeOf);
    expect(again).toEqual({
      type: 'spend_policy_set',
      accountId: 'acc',
      creditLimit: 100n,
      status: 'active',
      totalSpent: 0n,
      replayed: false,
    });
    expect((await projectedTeams(storeA))['t2'].accounts['acc'].creditLimit).toBe(100n);
    expect(outcomeOf(await a.send(charge('t2', 'acc', 'over', 200n)))).toMatchObject({
      type: 'charge_refused',
      reason: 'credit_limit_exceeded',
    });
    expect(await projectedTeams(storeA)).toEqual(await replayedTeams(storeA));
  });

  it('fences a stale refusal that appends nothing: the refund of a charge only the other writer recorded is made', async () => {
    await teamHeldByA('t3', 1_000n);
    outcomeOf(await b.send(charge('t3', 'acc', 'c3', 300n)));
    // To A's old state the charge does not exist: refused as charge_not_found, that answer would be stored for good.
    await expectFenced([refund('t3', 'c3')], 't3', 2n, 3n);

    const [again] = (await a.commands.handle(batchOf([refund('t3', 'c3')]))).map(outcomeOf);
    expect(again).toMatchObject({
      type: 'charge_refunded',
      chargeId: 'c3',
      amount: 300n,
      balance: 10_000n,
      totalSpent: 0n,
      replayed: false,
    });
    expect((await streamOf(storeA, 't3')).map((event) => event.type).slice(-2)).toEqual([
      'ChargeAccepted',
      'ChargeRefunded',
    ]);
    expect(await projectedTeams(storeA)).toEqual(await replayedTeams(storeA));
  });
});
