import type { PGlite } from '@electric-sql/pglite';
import { SavepointSqlClient } from '../sql/savepoint-sql-client';
import type { SqlClient, SqlResult, SqlRow } from '../sql/sql-client';

/**
 * `SqlClient` over PGlite. PGlite is one connection: it runs queries and transactions one at a time,
 * so a transaction also keeps every other caller waiting until it ends.
 */
export class PgliteSqlClient implements SqlClient {
  constructor(readonly db: PGlite) {}

  async query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
    const result = await this.db.query<R>(sql, params as unknown[] | undefined);
    return { rows: result.rows };
  }

  /** Runs a script, statements without parameters (the simple protocol); the rows of its last statement. */
  async exec<R extends SqlRow = SqlRow>(script: string): Promise<SqlResult<R>> {
    const results = await this.db.exec(script);
    return { rows: (results.at(-1)?.rows ?? []) as R[] };
  }

  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work(
        new SavepointSqlClient(async (sql, params) => {
          const result = await tx.query<SqlRow>(sql, params as unknown[] | undefined);
          return { rows: result.rows };
        }),
      ),
    );
  }
}
