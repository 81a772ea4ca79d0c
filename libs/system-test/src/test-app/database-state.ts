import { type DatabaseSnapshot, snapshotDatabase, type TableState } from './database-snapshot';
import { settleBackgroundWrites } from './settle-background-writes';
import { FINAL_MESSAGE_STATUSES } from './embedded-test-client';
import type { TestApp } from './test-app';

/**
 * The one value a request with a valid key writes however it ends: the key's lastUsedAt. Under the
 * embedded ManualClock it is written with the same time again, so a snapshot sees no change; the
 * processes stamp the wall clock, so there it is left out of the comparison.
 */
const MOVES_WITH_THE_CLOCK = 'last_used_at';
/** How long the distributed databases must stay unchanged to count as settled: several relay polls. */
const QUIET_MS = 1_000;
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * Waits for the writes the app makes on its own (deliveries under way, the key usage the gateway
 * holds in memory, the ledger's events relay), so that none lands in the middle of a
 * before-and-after comparison. In-process they are flushed (see settleBackgroundWrites); the
 * processes cannot be asked, so there every message must reach a final status and then the
 * database must stay unchanged for a while.
 */
export async function waitForBackgroundWrites(testApp: TestApp, teamIds: readonly string[]): Promise<void> {
  if (testApp.mode === 'embedded') return settleBackgroundWrites(testApp.app, testApp.bus, teamIds);
  const accounts = testApp.storeOf('accounts');
  await until(async () => {
    const { rows } = await accounts.sql.query<{ unsettled: string }>(
      `SELECT count(*)::text AS unsettled FROM ${accounts.quotedSchema}.accounts_messages WHERE status <> ALL($1)`,
      [FINAL_MESSAGE_STATUSES],
    );
    return rows[0].unsettled === '0';
  }, 'every message delivered or failed');
  let previous = await snapshotTestDatabase(testApp);
  await until(async () => {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const current = await snapshotTestDatabase(testApp);
    const quiet = JSON.stringify(current) === JSON.stringify(previous);
    previous = current;
    return quiet;
  }, `no write for ${QUIET_MS} ms`);
}

/**
 * Every table of the app's database, to compare before and after a run of requests: the PGlite
 * store embedded; in distributed mode the three services' schemas, keys' lastUsedAt left out, with
 * the global position of each schema's event store.
 */
export async function snapshotTestDatabase(testApp: TestApp): Promise<DatabaseSnapshot> {
  if (testApp.mode === 'embedded') return snapshotDatabase(testApp.store);
  const tables: Record<string, TableState> = {};
  const positions: string[] = [];
  for (const service of ['gateway', 'accounts', 'ledger'] as const) {
    const store = testApp.storeOf(service);
    const { rows: names } = await store.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = $1 ORDER BY table_name`,
      [store.schema],
    );
    for (const { table_name: table } of names) {
      const row = `(to_jsonb(t) - '${MOVES_WITH_THE_CLOCK}')::text`;
      const { rows } = await store.sql.query<{ rows: string; digest: string }>(
        `SELECT count(*)::text AS rows, coalesce(md5(string_agg(${row}, E'\\n' ORDER BY ${row})), '') AS digest FROM ${store.quotedSchema}."${table}" t`,
      );
      tables[`${store.schema}.${table}`] = { rows: Number(rows[0].rows), digest: rows[0].digest };
    }
    const { rows } = await store.sql.query<{ position: string }>(
      `SELECT coalesce(max(global_position), 0)::text AS position FROM ${store.quotedSchema}.events`,
    );
    positions.push(`${store.schema}:${rows[0].position}`);
  }
  return { tables, globalPosition: positions.join(' ') };
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`the distributed services did not settle within ${SETTLE_TIMEOUT_MS} ms: waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
