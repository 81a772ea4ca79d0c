import type { Pool, PoolClient } from 'pg';
import { SavepointSqlClient } from '../sql/savepoint-sql-client';
import type { SqlClient, SqlResult, SqlRow } from '../sql/sql-client';

/** `SqlClient` over a `pg` pool: plain queries take any pooled connection, a transaction holds one. */
export class PgSqlClient implements SqlClient {
  constructor(readonly pool: Pool) {}

  async query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
    const result = await this.pool.query(sql, params as unknown[] | undefined);
    return { rows: result.rows as R[] };
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const connection = await this.pool.connect();
    let broken: unknown;
    try {
      await connection.query('BEGIN');
      const result = await work(transactionClient(connection));
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      broken = await rollback(connection);
      throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: destroy it rather than reuse it.
      connection.release(broken instanceof Error ? broken : undefined);
    }
  }
}

/**
 * The transaction's statements run one after another in the order sent, also when the caller sends
 * several without waiting (a ledger batch, an append and its lock): a connection runs one query at
 * a time, and pg deprecates queueing them itself (removed in pg 9).
 */
function transactionClient(connection: PoolClient): SqlClient {
  let last: Promise<unknown> = Promise.resolve();
  return new SavepointSqlClient((sql, params) => {
    const run = last.catch(() => undefined).then(() => connection.query(sql, params as unknown[] | undefined));
    last = run;
    return run.then((result) => ({ rows: result.rows }));
  });
}

async function rollback(connection: PoolClient): Promise<unknown> {
  try {
    await connection.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error;
  }
}
