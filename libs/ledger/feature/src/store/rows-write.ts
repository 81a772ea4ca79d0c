/**
 * One INSERT of a batch's rows. The rows travel as one JSON array, which PostgreSQL reads with
 * `jsonb_to_recordset` faster than it parses text arrays; bigints are written as decimal strings
 * by the one who builds the rows (JSON.stringify cannot write them).
 */
export interface RowsWrite {
  /** Names the write inside the combined statement. */
  readonly name: string;
  /** The statement, reading its rows from the JSON array parameter it is given. */
  readonly sql: (rowsParam: string) => string;
  readonly rows: readonly object[];
}

/**
 * All of a batch's writes as one statement (data-modifying CTEs): one round trip, whatever the
 * number of tables. PostgreSQL runs every part, in one snapshot; they touch different tables.
 */
export function combinedWrite(writes: readonly RowsWrite[]): [string, unknown[]] {
  const parts = writes.map((write, i) => `${write.name} AS (${write.sql(`$${i + 1}::jsonb`)})`);
  const params = writes.map((write) => JSON.stringify(write.rows));
  return [`WITH ${parts.join(',\n')}\nSELECT 1 AS written`, params];
}
