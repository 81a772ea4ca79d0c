import { runner } from 'node-pg-migrate';
import type { SqlClient } from '../sql/sql-client';
import { quoteSchemaName } from '../sql/sql-schema-name';
import { checkHistory, PendingMigrationsError, SchemaNewerThanCodeError } from './history-check';
import { knownMigrations, type MigrationHistory, migrationsTable } from './migration-history';
import { type MigrationSession, openMigrationSession } from './migration-session';

/** `apply` brings the schema up to date; `verify` only checks that nothing is pending. Both refuse a newer schema. */
export type MigrationsMode = 'apply' | 'verify';

export interface AppliedMigration {
  readonly schema: string;
  readonly history: string;
  readonly name: string;
}

/** Only `.sql` files are migrations (the pattern is anchored by the runner). */
const NOT_SQL = '.*(?<!\\.sql)';
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
/** Runs on one client, one after the other: PGlite has a single connection, where an advisory lock excludes nobody. */
const queues = new WeakMap<SqlClient, Promise<unknown>>();

/**
 * Applies (or, with `verify`, checks) each history's migrations in `schema`, in the given order,
 * with node-pg-migrate. Concurrent runs on one schema, from any number of processes, wait for each
 * other on an advisory lock (node-pg-migrate's own lock is one per database and fails at once
 * instead of waiting), so the first applies and the others find nothing to do. Before anything is
 * applied, a recorded migration this code does not know stops the run: the schema is newer than
 * the code. Returns what was applied.
 */
export function migrateSchema(
  sql: SqlClient,
  schema: string,
  histories: readonly MigrationHistory[],
  mode: MigrationsMode = 'apply',
): Promise<AppliedMigration[]> {
  quoteSchemaName(schema);
  const previous = queues.get(sql) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => migrateLocked(sql, schema, histories, mode));
  queues.set(sql, run);
  return run;
}

async function migrateLocked(
  sql: SqlClient,
  schema: string,
  histories: readonly MigrationHistory[],
  mode: MigrationsMode,
): Promise<AppliedMigration[]> {
  const session = await openMigrationSession(sql);
  const lockKey = `subledger.migrate.${schema}`;
  try {
    await session.connection.query('SELECT pg_advisory_lock(hashtext($1)) AS locked', [lockKey]);
    const applied: AppliedMigration[] = [];
    for (const history of histories) applied.push(...(await migrateHistory(session, schema, history, mode)));
    return applied;
  } finally {
    await session.connection
      .query('SELECT pg_advisory_unlock(hashtext($1)) AS unlocked', [lockKey])
      .catch(() => undefined);
    await session.end();
  }
}

async function migrateHistory(
  session: MigrationSession,
  schema: string,
  history: MigrationHistory,
  mode: MigrationsMode,
): Promise<AppliedMigration[]> {
  const table = migrationsTable(history);
  const { unknown, pending } = checkHistory(await recordedMigrations(session, schema, table), knownMigrations(history));
  if (unknown.length > 0) throw new SchemaNewerThanCodeError(schema, history.name, unknown);
  if (pending.length === 0) return [];
  if (mode === 'verify') throw new PendingMigrationsError(schema, history.name, pending);
  const ran = await runner({
    dbClient: session.connection as never,
    schema,
    createSchema: true,
    migrationsSchema: schema,
    migrationsTable: table,
    dir: history.dir,
    ignorePattern: NOT_SQL,
    direction: 'up',
    noLock: true,
    checkOrder: true,
    singleTransaction: true,
    logger: quiet,
  });
  return ran.map(({ name }) => ({ schema, history: history.name, name }));
}

async function recordedMigrations(session: MigrationSession, schema: string, table: string): Promise<string[]> {
  const qualified = `${quoteSchemaName(schema)}."${table}"`;
  const { rows } = await session.connection.query('SELECT to_regclass($1)::text AS found', [qualified]);
  if (rows[0]?.found == null) return [];
  const recorded = await session.connection.query(`SELECT name FROM ${qualified} ORDER BY run_on, id`);
  return recorded.rows.map((row) => String(row.name));
}
