import type { SqlEventStore } from '@subledger/event-store';
import { outcomeOf } from './testing/expect-reply';
import { charge, openTeam, refund, setPolicy, topUp } from './testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from './testing/ledger-databases';
import { projectedTeams, replayedTeams } from './testing/ledger-rows';
import { type LedgerTestApp, startLedger } from './testing/ledger-test-app';

const TEAMS = ['r1', 'r2', 'r3', 'r4', 'r5'];

/** A mixed workload over several teams: policies, top-ups, charges accepted and refused, refunds. */
async function workload(ledger: LedgerTestApp, round: number): Promise<void> {
  await Promise.all(
    TEAMS.map(async (team, t) => {
      if (round === 0) await ledger.send(openTeam(team));
      await ledger.send(topUp(team, `up-${round}`, 500n + BigInt(t)));
      await ledger.send(setPolicy(team, 'capped', 120n + BigInt(round * 40)));
      const charges = Array.from({ length: 12 }, (_, i) =>
        charge(team, i % 2 === 0 ? 'capped' : 'free', `c-${round}-${i}`, BigInt(5 + i * 3)),
      );
      await Promise.all(charges.map((command) => ledger.send(command)));
      await ledger.send(refund(team, `c-${round}-1`));
    }),
  );
}

describe.each(ledgerDatabases)('ledger restart on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;

  beforeAll(async () => {
    database = await openDatabase();
  });

  afterAll(() => database.dispose());

  async function run<T>(work: (ledger: LedgerTestApp, store: SqlEventStore) => Promise<T>): Promise<T> {
    const store = await database.openStore();
    const ledger = await startLedger(store);
    try {
      return await work(ledger, store);
    } finally {
      await ledger.close();
      await store.close();
    }
  }

  it('rebuilds every team from its stream in a new instance and goes on where the last one stopped', async () => {
    const before = await run(async (ledger, store) => {
      await workload(ledger, 0);
      return {
        reply: await ledger.send(charge('r1', 'free', 'last-before-restart', 7n)),
        teams: await projectedTeams(store),
      };
    });
    await run(async (ledger, store) => {
      expect(await ledger.send(charge('r1', 'free', 'last-before-restart', 7n))).toEqual(before.reply);
      const next = outcomeOf(await ledger.send(charge('r1', 'free', 'first-after-restart', 1n)));
      expect(next).toMatchObject({ type: 'charge_accepted', balance: before.teams['r1'].balance - 1n });
      await workload(ledger, 1);
      const projected = await projectedTeams(store);
      expect(Object.keys(projected).sort()).toEqual(TEAMS);
      expect(projected).toEqual(await replayedTeams(store));
    });
  });

  it('keeps a capped account within its limit across the restart', async () => {
    await run(async (ledger) => {
      const reply = await ledger.query({ type: 'GetBalance', teamId: 'r2', accountIds: ['capped'] });
      if (!reply.ok) throw new Error('r2 should exist');
      const [capped] = reply.value.accounts;
      expect(capped.creditLimit).toBe(160n);
      expect(capped.totalSpent).toBeLessThanOrEqual(160n);
      const over = outcomeOf(await ledger.send(charge('r2', 'capped', 'over', 160n - capped.totalSpent + 1n)));
      expect(over).toMatchObject({ type: 'charge_refused', reason: 'credit_limit_exceeded' });
    });
  });
});
