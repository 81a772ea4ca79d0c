/** The one method of a SQL client (pg, PGlite or the event store's own) that a dump needs. */
export interface QueryableSql {
  query<R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Every row of every table in the schema as text, one row a line (events, the services' tables and
 * the gateway's idempotency records alike): the place to look for personal data that should be gone.
 * An event store passes as it is.
 */
export async function everyRowAsText({ sql, schema }: { sql: QueryableSql; schema: string }): Promise<string> {
  const { rows } = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [schema],
  );
  const texts: string[] = [];
  for (const { table_name: table } of rows) {
    const dump = await sql.query<{ row: string }>(`SELECT t::text AS row FROM ${quote(schema)}.${quote(table)} t`);
    texts.push(...dump.rows.map((row) => row.row));
  }
  return texts.join('\n');
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
