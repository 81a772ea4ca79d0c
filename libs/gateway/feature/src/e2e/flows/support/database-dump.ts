import type { SqlEventStore } from '@subledger/event-store';

/**
 * Every row of every table in the store's schema as text (events, the services' tables, the
 * gateway's idempotency records alike): the place to look for personal data that should be gone.
 */
export async function everyRowAsText(store: SqlEventStore): Promise<string> {
  const { rows } = await store.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [store.schema],
  );
  const texts: string[] = [];
  for (const { table_name: table } of rows) {
    const dump = await store.sql.query<{ row: string }>(`SELECT t::text AS row FROM ${store.quotedSchema}."${table}" t`);
    texts.push(...dump.rows.map((row) => row.row));
  }
  return texts.join('\n');
}
