import type { SqlEventStore } from '@subledger/event-store';
import { type MoneyMismatch } from './money-invariants';
import { rebuildProjections } from '@subledger/platform';
import { AT, charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { type LedgerTestApp, startLedger } from '../testing/ledger-test-app';
import { ledgerTables } from '../store/ledger-tables';
import { teamEventData, teamStreamId } from '../team-state/team-stream';
import { exportLedger } from './ledger-export';
import { ledgerRebuilds, opsRebuilds } from './ledger-rebuilds';
import { verifyLedger } from './verify-ledger';

describe.each(ledgerDatabases)('operator commands on %s', (name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    ledger = await startLedger(store);
    for (const team of ['t1', 't2', 't3']) {
      await ledger.send(openTeam(team));
      await ledger.send(topUp(team, 'funds', 100_000n));
      await ledger.send(setPolicy(team, 'capped', 20_000n));
    }
    for (let i = 0; i < 12; i++)
      await ledger.send({
        ...charge(`t${(i % 3) + 1}`, i % 2 === 0 ? 'capped' : 'main', `c${i}`, 7_000n),
        at: AT + i * 1000,
      });
    await ledger.send(refund('t2', 'c1'));
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  const tables = () => ledgerTables(store.quotedSchema);
  const rowsOf = async (table: string): Promise<string[]> =>
    (await store.sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`)).rows.map(
      (r) => r.row,
    );
  const live = async () => ({
    balances: await rowsOf(tables().teamBalances),
    spend: await rowsOf(tables().accountSpend),
  });
  const stageExists = async () =>
    (
      await store.sql.query<{ found: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found',
        [`${store.schema}_rebuild`],
      )
    ).rows[0].found;
  const verify = async (): Promise<MoneyMismatch[]> => {
    const mismatches: MoneyMismatch[] = [];
    await verifyLedger(store, (mismatch) => mismatches.push(mismatch));
    return mismatches;
  };

  it('rebuilds the balances and spend to the very rows the writer keeps, and swaps them in', async () => {
    const before = await live();
    const result = await rebuildProjections(store, ledgerRebuilds);
    expect(result.swapped).toBe(true);
    expect(result.differences.map((d) => [d.table, d.count])).toEqual([
      ['ledger_team_balances', 0],
      ['ledger_account_spend', 0],
    ]);
    expect((await live()).balances).toEqual(before.balances);
    expect((await live()).spend.length).toBe(before.spend.length);
    expect(await stageExists()).toBe(false);
    expect(await verify()).toEqual([]);
  });

  it('reports each damaged row, repairs it, and the writer goes on from the rebuilt rows', async () => {
    await store.sql.query(`UPDATE ${tables().teamBalances} SET balance = balance + 1 WHERE team_id = 't2'`);
    await store.sql.query(`DELETE FROM ${tables().accountSpend} WHERE team_id = 't3' AND account_id = 'main'`);
    expect((await verify()).map((m) => [m.check, m.teamId, m.accountId])).toEqual([
      ['team balance', 't2', undefined],
      ['account spend', 't3', 'main'],
    ]);
    const result = await rebuildProjections(store, ledgerRebuilds);
    const [balances, spend] = result.differences;
    expect(balances).toMatchObject({
      count: 1,
      rows: [{ key: { team_id: 't2' }, live: { balance: '79001' }, rebuilt: { balance: '79000' } }],
    });
    expect(spend).toMatchObject({
      count: 1,
      rows: [{ key: { team_id: 't3', account_id: 'main' }, live: null, rebuilt: { total_spent: '14000' } }],
    });
    expect(await verify()).toEqual([]);
    expect(await ledger.send({ ...charge('t2', 'main', 'after-rebuild', 1_000n), at: AT + 99_000 })).toMatchObject({
      ok: true,
    });
    expect(await verify()).toEqual([]);
  });

  it('leaves the live tables untouched when interrupted, and the next run starts clean', async () => {
    await store.sql.query(`UPDATE ${tables().teamBalances} SET balance = 5 WHERE team_id = 't1'`);
    const before = await live();
    const controller = new AbortController();
    const run = rebuildProjections(store, ledgerRebuilds, {
      pageSize: 4,
      signal: controller.signal,
      onProgress: ({ read }) => read >= 8 && controller.abort(),
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(await stageExists()).toBe(true);
    expect(await live()).toEqual(before);
    const rerun = await rebuildProjections(store, ledgerRebuilds, { pageSize: 4 });
    expect(rerun.differences[0].count).toBe(1);
    expect(await stageExists()).toBe(false);
    expect(await verify()).toEqual([]);
  });

  it('compares only on a dry run', async () => {
    await store.sql.query(`UPDATE ${tables().teamBalances} SET balance = 5 WHERE team_id = 't1'`);
    const result = await rebuildProjections(store, ledgerRebuilds, { swap: false });
    expect(result).toMatchObject({ swapped: false, differences: [{ count: 1 }, { count: 0 }] });
    expect(
      (
        await store.sql.query<{ balance: string }>(
          `SELECT balance::text FROM ${tables().teamBalances} WHERE team_id = 't1'`,
        )
      ).rows[0].balance,
    ).toBe('5');
    await rebuildProjections(store, ledgerRebuilds);
  });

  it('rebuilds the usage and activity projections beside their running projectors and moves their checkpoints', async () => {
    await store.sql.query(`DELETE FROM ${tables().usageHourly} WHERE account_id = 'capped'`);
    const result = await rebuildProjections(store, opsRebuilds);
    expect(result.swapped).toBe(true);
    expect(result.differences.map((d) => d.table)).toEqual(['ledger_usage_hourly', 'ledger_activity_minutes']);
    const head = await store.sql.query<{ position: string }>(
      `SELECT max(global_position)::text AS position FROM ${tables().events}`,
    );
    const checkpoints = await store.sql.query<{ name: string; position: string }>(
      `SELECT subscription_name AS name, position::text FROM ${store.quotedSchema}.subscription_checkpoints WHERE subscription_name IN ('ledger-usage', 'ledger-activity') ORDER BY 1`,
    );
    expect(checkpoints.rows).toEqual([
      { name: 'ledger-activity', position: head.rows[0].position },
      { name: 'ledger-usage', position: head.rows[0].position },
    ]);
    const usage = await store.sql.query<{ charges: string; spend: string }>(
      `SELECT sum(charges)::text AS charges, sum(spend)::text AS spend FROM ${tables().usageHourly}`,
    );
    expect(usage.rows[0]).toEqual({ charges: '13', spend: String(12 * 7_000 + 1_000 - 7_000) });
    const activity = await store.sql.query<{ outcome: string; count: string }>(
      `SELECT outcome, sum(count)::text AS count FROM ${tables().activityMinutes} GROUP BY 1 ORDER BY 1`,
    );
    expect(activity.rows).toEqual([
      { outcome: 'accepted', count: '13' },
      { outcome: 'refunded', count: '1' },
    ]);
  });

  // Only PostgreSQL has writers beside a rebuild: on PGlite the CLI refuses to run while the
  // embedded server holds the data directory (docs/deployment.md, "Operator CLI").
  if (name === 'PostgreSQL') {
    it('rebuilds while the writer keeps charging: what it commits during the fold is caught up before the swap', async () => {
      let sending = true;
      let sent = 0;
      const charging = (async () => {
        while (sending) {
          await ledger.send({ ...charge('t1', 'main', `live-${sent}`, 10n), at: AT + 500_000 + sent });
          sent += 1;
        }
      })();
      while (sent < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      let atStart = -1;
      const result = await rebuildProjections(store, ledgerRebuilds, {
        pageSize: 2,
        onProgress: ({ total }) => atStart < 0 && (atStart = total),
      });
      const sentByTheSwap = sent;
      sending = false;
      await charging;
      expect(result.events).toBeGreaterThan(atStart);
      expect(result.differences.map((d) => d.count)).toEqual([0, 0]);
      expect(sentByTheSwap).toBeGreaterThan(3);
      expect(await verify()).toEqual([]);
    });
  }

  it("exports a team's entries with the running balance, within a time range", async () => {
    let text = '';
    const written = await exportLedger(store, { teamId: 't2', format: 'csv' }, async (chunk) => void (text += chunk));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('position,globalPosition,at,type,accountId,chargeId,amount,reason,reference,balanceAfter');
    expect(written).toBe(lines.length - 1);
    expect(lines[1]).toMatch(/^0,\d+,2026-01-01T00:00:00.000Z,TeamOpened,,,0,,,0$/);
    expect(lines[lines.length - 1]).toMatch(/,ChargeAccepted,main,after-rebuild,-1000,,,78000$/);
    let json = '';
    await exportLedger(
      store,
      { teamId: 't1', format: 'jsonl', from: AT + 1, to: AT + 4_000 },
      async (chunk) => void (json += chunk),
    );
    expect(
      json
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).chargeId),
    ).toEqual(['c3']);
    expect(await exportLedger(store, { teamId: 'nobody', format: 'csv' }, async () => undefined)).toBeNull();
  });

  it('verify finds a charge that went past the limit and the balance, and numbers stored wrong', async () => {
    const stream = teamStreamId('t3');
    const version = BigInt((await store.readStream(stream)).length);
    const overspend = {
      type: 'ChargeAccepted' as const,
      schemaVersion: 1 as const,
      chargeId: 'forged',
      accountId: 'capped',
      amount: 1_000_000n,
      at: AT,
    };
    await store.append(stream, [teamEventData(stream, version, overspend, { balance: 0n, totalSpent: 0n })], {
      expectedVersion: version - 1n,
    });
    const checks = (await verify()).map((m) => m.check);
    expect(checks).toEqual([
      'credit limit',
      'balance',
      'balanceAfter',
      'totalSpentAfter',
      'team balance',
      'account spend',
    ]);
  });
});
