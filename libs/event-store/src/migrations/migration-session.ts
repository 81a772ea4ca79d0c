import { PgliteSqlClient } from '../pglite/pglite-sql-client';
import { PgliteWorkerSqlClient } from '../pglite/pglite-worker-sql-client';
import { PgSqlClient } from '../postgres/pg-sql-client';
import type { SqlClient, SqlResult } from '../sql/sql-client';

/** What node-pg-migrate's runner calls on its `dbClient`: `query(text)`, a script without parameters too. */
export interface MigrationConnection {
  query(text: string, values?: readonly unknown[]): Promise<SqlResult>;
}

/**
 * One connection the runner drives statement by statement (SET search_path, BEGIN, the scripts,
 * COMMIT), so it cannot be a pool. `end` leaves the connection as the process found it.
 */
export interface MigrationSession {
  readonly connection: MigrationConnection;
  end(): Promise<void>;
}

/**
 * PostgreSQL: a connection of the store's pool, destroyed afterwards rather than returned with the
 * runner's search_path. PGlite: its one connection, through an adapter that runs scripts with
 * `exec` (the simple protocol, several statements) and parameterised statements with `query`;
 * nothing else may use the database meanwhile, which holds while a process starts or the CLI runs.
 */
export async function openMigrationSession(sql: SqlClient): Promise<MigrationSession> {
  if (sql instanceof PgSqlClient) {
    const connection = await sql.pool.connect();
    connection.on('error', () => undefined);
    return {
      connection: {
        query: async (text, values) => ({ rows: (await connection.query(text, values as unknown[] | undefined)).rows }),
      },
      end: async () => connection.release(true),
    };
  }
  if (sql instanceof PgliteSqlClient || sql instanceof PgliteWorkerSqlClient) {
    const connection: MigrationConnection = {
      query: (text, values) => (values !== undefined && values.length > 0 ? sql.query(text, values) : sql.exec(text)),
    };
    return { connection, end: async () => void (await sql.exec('RESET search_path')) };
  }
  throw new TypeError('Migrations run on PostgreSQL (pg) or PGlite stores only');
}
