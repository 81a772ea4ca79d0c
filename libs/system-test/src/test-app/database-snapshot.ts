import type { SqlEventStore } from '@subledger/event-store';

export interface TableState {
  readonly rows: number;
  /** md5 over every row's text: an UPDATE that changes no count still changes this. */
  readonly digest: string;
}

export interface DatabaseSnapshot {
  /** Every base table of every schema but the system ones, by `schema.table`. */
  readonly tables: Readonly<Record<string, TableState>>;
  /** The event store's global position: the last event appended (0 before the first). */
  readonly globalPosition: string;
}

/** What the store holds right now, table by table, to compare before and after a run of requests. */
export async function snapshotDatabase(store: SqlEventStore): Promise<DatabaseSnapshot> {
  const { rows: names } = await store.sql.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY table_schema, table_name`,
  );
  const tables: Record<string, TableState> = {};
  for (const { table_schema: schema, table_name: table } of names) {
    const { rows } = await store.sql.query<{ rows: string; digest: string }>(
      `SELECT count(*)::text AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS digest FROM ${quote(schema)}.${quote(table)} t`,
    );
    tables[`${schema}.${table}`] = { rows: Number(rows[0].rows), digest: rows[0].digest };
  }
  const { rows } = await store.sql.query<{ position: string }>(
    `SELECT coalesce(max(global_position), 0)::text AS position FROM ${store.quotedSchema}.events`,
  );
  return { tables, globalPosition: rows[0].position };
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
