import type { SqlEventStore } from '@subledger/event-store';

/** Column types that can hold a key as text: strings and JSON documents. */
const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb'];

export interface StoredText {
  /** `schema.table.column` */
  readonly where: string;
  readonly value: string;
}

/** Every non-null value of every text or JSON column of every table, as text. */
export async function readStoredText(store: SqlEventStore): Promise<StoredText[]> {
  const { rows: columns } = await store.sql.query<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.data_type = ANY($1)
      ORDER BY 1, 2, 3`,
    [TEXT_TYPES],
  );
  const found: StoredText[] = [];
  for (const { table_schema: schema, table_name: table, column_name: column } of columns) {
    const { rows } = await store.sql.query<{ value: string }>(
      `SELECT ${quote(column)}::text AS value FROM ${quote(schema)}.${quote(table)} WHERE ${quote(column)} IS NOT NULL`,
    );
    for (const { value } of rows) found.push({ where: `${schema}.${table}.${column}`, value });
  }
  return found;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
