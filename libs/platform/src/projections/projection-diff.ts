import type { ProjectionTable, Queryable, RebuildSchemas } from './rebuildable-projection';

/** A row that differs: its key, and its compared columns as text in the live table and in the rebuild (null when absent). */
export interface RowDifference {
  readonly key: Record<string, string>;
  readonly live: Record<string, string | null> | null;
  readonly rebuilt: Record<string, string | null> | null;
}

export interface TableDifferences {
  readonly table: string;
  /** Every differing row, whether listed or not. */
  readonly count: number;
  /** The first of them in key order, at most the limit asked for. */
  readonly rows: readonly RowDifference[];
}

interface DiffRow {
  [column: string]: unknown;
  key: Record<string, string>;
  live: Record<string, string | null> | null;
  rebuilt: Record<string, string | null> | null;
}

/** Compares a staging table with its live table on the key: rows only in one of them, and rows whose compared columns differ. */
export async function diffTable(
  db: Queryable,
  schemas: RebuildSchemas,
  table: ProjectionTable,
  limit: number,
): Promise<TableDifferences> {
  const on = table.key.map((column) => `l.${column} = s.${column}`).join(' AND ');
  const differs = `l.${table.key[0]} IS NULL OR s.${table.key[0]} IS NULL OR (${tuple('l', table.compared)}) IS DISTINCT FROM (${tuple('s', table.compared)})`;
  const from = `FROM ${schemas.live}.${table.name} l FULL OUTER JOIN ${schemas.stage}.${table.name} s ON ${on} WHERE ${differs}`;
  const { rows: counted } = await db.query<{ count: string }>(`SELECT count(*)::text AS count ${from}`);
  const key = `jsonb_build_object(${table.key.map((column) => `'${column}', coalesce(l.${column}, s.${column})::text`).join(', ')})`;
  const { rows } = await db.query<DiffRow>(
    `SELECT ${key} AS key,
       CASE WHEN l.${table.key[0]} IS NULL THEN NULL ELSE ${columnsObject('l', table.compared)} END AS live,
       CASE WHEN s.${table.key[0]} IS NULL THEN NULL ELSE ${columnsObject('s', table.compared)} END AS rebuilt
     ${from} ORDER BY ${table.key.map((column) => `coalesce(l.${column}, s.${column})`).join(', ')} LIMIT ${Math.max(0, Math.floor(limit))}`,
  );
  // jsonb orders an object's keys by length: put them back in the table's order.
  const ordered = <V>(values: Record<string, V> | null, columns: readonly string[]) =>
    values && Object.fromEntries(columns.map((column) => [column, values[column]]));
  return {
    table: table.name,
    count: Number(counted[0]?.count ?? 0),
    rows: rows.map((row) => ({
      key: ordered(row.key, table.key) as Record<string, string>,
      live: ordered(row.live, table.compared),
      rebuilt: ordered(row.rebuilt, table.compared),
    })),
  };
}

function tuple(alias: string, columns: readonly string[]): string {
  return columns.map((column) => `${alias}.${column}`).join(', ');
}

// Text, so bigints reach JavaScript whole.
function columnsObject(alias: string, columns: readonly string[]): string {
  return `jsonb_build_object(${columns.map((column) => `'${column}', ${alias}.${column}::text`).join(', ')})`;
}
