import { quoteSchemaName } from '@subledger/event-store';
import type { ProjectionTable, Queryable, RebuildSchemas } from './rebuildable-projection';

/** The staging schema of a rebuild: beside the live one, named after it, dropped whole by every start. */
export function rebuildSchemas(liveSchema: string): RebuildSchemas {
  return { liveName: liveSchema, live: quoteSchemaName(liveSchema), stage: quoteSchemaName(`${liveSchema}_rebuild`) };
}

/**
 * Drops what an earlier, interrupted rebuild left and creates empty copies of the live tables
 * (columns, keys, indexes, identities and storage parameters) in the staging schema.
 */
export async function prepareStage(
  db: Queryable,
  schemas: RebuildSchemas,
  tables: readonly ProjectionTable[],
): Promise<void> {
  await dropStage(db, schemas);
  await db.query(`CREATE SCHEMA ${schemas.stage}`);
  for (const table of tables) {
    const live = `${schemas.live}.${table.name}`;
    const { rows } = await db.query<{ found: string | null; options: string[] | null }>(
      `SELECT to_regclass($1)::text AS found, (SELECT reloptions FROM pg_class WHERE oid = to_regclass($1)) AS options`,
      [live],
    );
    if (rows[0]?.found == null)
      throw new Error(`Table ${live} does not exist: has its service run against this database?`);
    await db.query(`CREATE TABLE ${schemas.stage}.${table.name} (LIKE ${live} INCLUDING ALL)`);
    const options = rows[0].options ?? [];
    if (options.length > 0) await db.query(`ALTER TABLE ${schemas.stage}.${table.name} SET (${options.join(', ')})`);
    await nameIndexesAsLive(db, schemas, table.name);
  }
}

/**
 * `LIKE` names the copied indexes after their columns; each takes the name of the live index it
 * copies, so that after the swap the index keeps the name its migration gave it, which a later
 * migration may use to change or drop it (and the first migrations' `CREATE INDEX IF NOT EXISTS
 * <name>`, run on a schema made before migrations, finds it instead of building a second one).
 */
async function nameIndexesAsLive(db: Queryable, schemas: RebuildSchemas, table: string): Promise<void> {
  const indexes = async (schema: string) => {
    const { rows } = await db.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = to_regclass($1)`,
      [`${schema}.${table}`],
    );
    // The definition without the index's own name and table: what the copy has in common with its original.
    return rows.map(({ name, definition }) => ({
      name,
      shape: definition.replace(/ INDEX \S+ ON \S+ /, ' INDEX ON '),
    }));
  };
  const live = await indexes(schemas.live);
  for (const copy of await indexes(schemas.stage)) {
    const original = live.find((index) => index.shape === copy.shape);
    if (original !== undefined && original.name !== copy.name)
      await db.query(`ALTER INDEX ${schemas.stage}."${copy.name}" RENAME TO "${original.name}"`);
  }
}

export async function dropStage(db: Queryable, schemas: RebuildSchemas): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${schemas.stage} CASCADE`);
}

/** In the swap's transaction: each live table replaced by its staging copy, indexes and sequences with it. */
export async function swapTables(
  db: Queryable,
  schemas: RebuildSchemas,
  tables: readonly ProjectionTable[],
): Promise<void> {
  for (const table of tables) {
    await db.query(`DROP TABLE ${schemas.live}.${table.name}`);
    await db.query(`ALTER TABLE ${schemas.stage}.${table.name} SET SCHEMA ${schemas.live}`);
  }
}
