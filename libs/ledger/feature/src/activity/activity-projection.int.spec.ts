import type { ActivityView, LedgerQueryReply } from '@subledger/contracts';
import type { SqlEventStore } from '@subledger/event-store';
import { AT, charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { type LedgerTestApp, startLedger } from '../testing/ledger-test-app';
import { ledgerTables } from '../store/ledger-tables';
import { HOUR_MS } from '../usage/bucket-length';
import { ACTIVITY_PROJECTION, ACTIVITY_RETENTION_MS, projectActivityBatch } from './activity-batch';

const MINUTE = 60_000;
const none = { account_inactive: 0, credit_limit_exceeded: 0, insufficient_balance: 0 };

describe.each(ledgerDatabases)("the activity projection and the operators' reads on %s", (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    ledger = await startLedger(store);
    for (const team of ['a', 'b']) {
      await ledger.send(openTeam(team));
      await ledger.send(topUp(team, 'up-1', 20_000n));
    }
    await ledger.send(setPolicy('a', 'capped', 10_000n));
    await ledger.send({ ...charge('a', 'capped', 'c-1', 7_900n), at: AT + 10 });
    await ledger.send({ ...charge('a', 'capped', 'c-2', 7_900n), at: AT + 20 }); // refused: past the 10,000 limit
    await ledger.send({ ...charge('b', 'main', 'c-1', 7_900n), at: AT + MINUTE + 5 });
    await ledger.send({ ...charge('b', 'main', 'c-2', 7_900n), at: AT + MINUTE + 6 });
    await ledger.send({ ...charge('b', 'main', 'c-3', 7_900n), at: AT + MINUTE + 7 }); // refused: 4,200 left
    await ledger.send({ ...refund('b', 'c-2'), at: AT + 3 * MINUTE });
    await ledger.send({ ...charge('b', 'main', 'late', 100n), at: AT + 2 * HOUR_MS }); // outside the window read below
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  const activity = async (from = AT, to = AT + 4 * MINUTE): Promise<ActivityView> => {
    const reply: LedgerQueryReply<'GetActivity'> = await ledger.query({ type: 'GetActivity', from, to });
    if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply.refusal)}`);
    return reply.value;
  };

  /** Until both projections have folded in every event the store holds. */
  const caughtUp = async (): Promise<ActivityView> => {
    for (
      const deadline = Date.now() + 15_000;
      Date.now() < deadline;
      await new Promise((resolve) => setTimeout(resolve, 50))
    ) {
      const view = await activity();
      if (view.projections.every((projection) => projection.lagEvents === 0)) return view;
    }
    throw new Error('the projections did not catch up within 15 s');
  };

  const minutes = [
    { start: AT, accepted: 1, refunds: 0, refused: { ...none, credit_limit_exceeded: 1 } },
    { start: AT + MINUTE, accepted: 2, refunds: 0, refused: { ...none, insufficient_balance: 1 } },
    { start: AT + 2 * MINUTE, accepted: 0, refunds: 0, refused: none },
    { start: AT + 3 * MINUTE, accepted: 0, refunds: 1, refused: none },
  ];

  it("counts every team's charges, refunds and refusals by reason per minute, every minute of the range, and each projection's lag", async () => {
    const view = await caughtUp();
    expect(view.minutes).toEqual(minutes);
    const [head] = (
      await store.sql.query<{ head: string }>(
        `SELECT max(global_position)::text AS head FROM ${ledgerTables(store.quotedSchema).events}`,
      )
    ).rows;
    expect(view.projections).toEqual([
      { name: 'ledger-usage', projectedTo: head.head, lagEvents: 0 },
      { name: 'ledger-activity', projectedTo: head.head, lagEvents: 0 },
    ]);
  });

  it('summarises teams in the order asked, with the spend from a given hour on, leaving out teams it does not know', async () => {
    await caughtUp();
    const reply = await ledger.query({ type: 'GetTeamSummaries', teamIds: ['b', 'nobody', 'a'], spendSince: AT });
    expect(reply).toEqual({
      ok: true,
      value: {
        teams: [
          { teamId: 'b', currency: 'usd', balance: 20_000n - 7_900n - 100n, spend: 7_900n + 100n },
          { teamId: 'a', currency: 'usd', balance: 20_000n - 7_900n, spend: 7_900n },
        ],
      },
    });
    const later = await ledger.query({ type: 'GetTeamSummaries', teamIds: ['b'], spendSince: AT + HOUR_MS });
    expect(later).toMatchObject({ ok: true, value: { teams: [{ teamId: 'b', spend: 100n }] } });
  });

  it('is rebuilt from position zero to the same figures', async () => {
    await caughtUp();
    const tables = ledgerTables(store.quotedSchema);
    await ledger.close();
    await store.sql.query(`DELETE FROM ${tables.activityMinutes}`);
    await store.sql.query(`DELETE FROM ${store.quotedSchema}.subscription_checkpoints WHERE subscription_name = $1`, [
      ACTIVITY_PROJECTION,
    ]);
    while ((await projectActivityBatch(store, 3)).type === 'projected');
    expect(await projectActivityBatch(store, 3)).toEqual({ type: 'caught_up' });
    ledger = await startLedger(store);
    expect((await caughtUp()).minutes).toEqual(minutes);
  });

  it('keeps the 48 hours of minutes before the newest one it folded in, and forgets older ones', async () => {
    const newest = AT + ACTIVITY_RETENTION_MS + 4 * MINUTE; // the first four minutes fall out
    await ledger.send({ ...charge('a', 'main', 'much-later', 1n), at: newest });
    await caughtUp();
    const { rows } = await store.sql.query<{ start: string }>(
      `SELECT min(minute_start)::text AS start FROM ${ledgerTables(store.quotedSchema).activityMinutes}`,
    );
    expect(Number(rows[0].start)).toBe(AT + 2 * HOUR_MS);
    expect((await activity()).minutes.map((minute) => minute.accepted + minute.refunds)).toEqual([0, 0, 0, 0]);
    expect((await activity(newest, newest + MINUTE)).minutes).toEqual([
      { start: newest, accepted: 1, refunds: 0, refused: none },
    ]);
  });
});
