export type SqlRow = Record<string, unknown>;

export interface SqlResult<R extends SqlRow = SqlRow> {
  rows: R[];
}

/**
 * The little of a PostgreSQL driver that the SQL event store needs, so `pg` and PGlite share one SQL
 * dialect. Parameters are `$1, $2, ...`; pass bigints as strings and cast in SQL.
 */
export interface SqlClient {
  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /**
   * Runs `work` in a transaction: committed if it resolves, rolled back if it throws. Called on a
   * client that is already in a transaction, it opens a savepoint instead.
   */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
}
