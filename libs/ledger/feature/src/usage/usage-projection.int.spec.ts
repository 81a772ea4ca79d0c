import type { LedgerQueryReply, UsageView } from '@subledger/contracts';
import type { SqlEventStore } from '@subledger/event-store';
import { AT, charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { type LedgerTestApp, startLedger } from '../testing/ledger-test-app';
import { ledgerTables } from '../store/ledger-tables';
import { HOUR_MS } from './bucket-length';
import { lagAfter } from '../metrics/projection-lag';
import { projectUsageBatch, USAGE_PROJECTION } from './usage-batch';

describe.each(ledgerDatabases)('the usage projection on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    ledger = await startLedger(store);
    await ledger.send(openTeam('u'));
    await ledger.send(topUp('u', 'up-1', 100_000n));
    await ledger.send(setPolicy('u', 'capped', 10_000n));
    await ledger.send({ ...charge('u', 'capped', 'c-1', 7_900n), at: AT + 10 });
    await ledger.send({ ...charge('u', 'capped', 'c-2', 7_900n), at: AT + 20 }); // refused: past the 10,000 limit
    await ledger.send({ ...charge('u', 'main', 'c-3', 7_900n), at: AT + HOUR_MS + 5 });
    await ledger.send({ ...refund('u', 'c-3'), at: AT + 2 * HOUR_MS });
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  const usage = async (granularity: 'hour' | 'day', accountId?: string): Promise<UsageView> => {
    const reply: LedgerQueryReply<'GetUsage'> = await ledger.query({
      type: 'GetUsage',
      teamId: 'u',
      from: AT,
      to: AT + 3 * HOUR_MS,
      granularity,
      ...(accountId ? { accountId } : {}),
    });
    if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply.refusal)}`);
    return reply.value;
  };

  /** Until the projection has folded in every event the store holds. */
  const caughtUp = async (): Promise<UsageView> => {
    const [last] = await store.sql
      .query<{ position: string }>(
        `SELECT max(global_position)::text AS position FROM ${ledgerTables(store.quotedSchema).events}`,
      )
      .then((r) => r.rows);
    for (
      const deadline = Date.now() + 15_000;
      Date.now() < deadline;
      await new Promise((resolve) => setTimeout(resolve, 50))
    ) {
      const view = await usage('hour');
      if (BigInt(view.projectedTo) >= BigInt(last.position)) return view;
    }
    throw new Error('the usage projection did not catch up within 15 s');
  };

  const hours = [
    { start: AT, charges: 1, refunds: 0, refusals: 1, spend: 7_900n },
    { start: AT + HOUR_MS, charges: 1, refunds: 0, refusals: 0, spend: 7_900n },
    { start: AT + 2 * HOUR_MS, charges: 0, refunds: 1, refusals: 0, spend: -7_900n },
  ];

  it('counts charges, refusals and refunds per hour and per day, for the team or one account, empty buckets included', async () => {
    expect((await caughtUp()).buckets).toEqual(hours);
    expect((await usage('day')).buckets).toEqual([{ start: AT, charges: 2, refunds: 1, refusals: 1, spend: 7_900n }]);
    expect((await usage('hour', 'main')).buckets).toEqual([
      { start: AT, charges: 0, refunds: 0, refusals: 0, spend: 0n },
      { start: AT + HOUR_MS, charges: 1, refunds: 0, refusals: 0, spend: 7_900n },
      { start: AT + 2 * HOUR_MS, charges: 0, refunds: 1, refusals: 0, spend: -7_900n },
    ]);
  });

  it('refuses a team it holds nothing of', async () => {
    expect(
      await ledger.query({ type: 'GetUsage', teamId: 'nobody', from: AT, to: AT + 1, granularity: 'hour' }),
    ).toEqual({ ok: false, refusal: { type: 'team_not_found' } });
  });

  it('is rebuilt from position zero to the same figures, and a pass after the last event changes nothing', async () => {
    await caughtUp();
    const tables = ledgerTables(store.quotedSchema);
    await ledger.close();
    await store.sql.query(`DELETE FROM ${tables.usageHourly}`);
    await store.sql.query(`DELETE FROM ${store.quotedSchema}.subscription_checkpoints WHERE subscription_name = $1`, [
      USAGE_PROJECTION,
    ]);
    const first = await projectUsageBatch(store, 2);
    if (first.type !== 'projected') throw new Error(`expected a projected batch, got ${first.type}`);
    const [head] = (
      await store.sql.query<{ head: string }>(`SELECT max(global_position)::text AS head FROM ${tables.events}`)
    ).rows;
    expect(await lagAfter(store.sql, tables, first.read, 2, first.checkpoint)).toBe(
      Number(BigInt(head.head) - first.checkpoint),
    );
    expect(await lagAfter(store.sql, tables, first.read, 2, first.checkpoint)).toBeGreaterThan(0);
    while ((await projectUsageBatch(store, 2)).type === 'projected');
    expect(await projectUsageBatch(store, 2)).toEqual({ type: 'caught_up' });
    ledger = await startLedger(store);
    expect((await caughtUp()).buckets).toEqual(hours);
  });
});
