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

/**
 * A transaction that sends its COMMIT with its statements, without waiting for their answers:
 * `work` must build and send every statement before it first awaits anything (a statement sent
 * later is refused, never run outside the transaction; a failure after the first statement is sent
 * does not stop the COMMIT), and must decide nothing from an answer, since the
 * COMMIT is already on its way. A statement that fails makes PostgreSQL roll the whole transaction
 * back at that COMMIT, so checks belong in SQL, raising an error (see `wrong_expected_version`).
 * Clients whose statements cross threads or a network save the connection's idle round trips;
 * `sentTransaction` falls back to an ordinary transaction where a client cannot do it.
 */
export interface SentTransactions {
  sentTransaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
}

export function sentTransaction<T>(
  sql: SqlClient & Partial<SentTransactions>,
  work: (tx: SqlClient) => Promise<T>,
): Promise<T> {
  return sql.sentTransaction ? sql.sentTransaction(work) : sql.transaction(work);
}
