import { ledgerSchemaSql } from './ledger-schema.sql';
import type { LedgerStore } from './ledger-store';
import { ledgerTables } from './ledger-tables';

/**
 * Creates the ledger's tables when missing. Safe at every start: concurrent `CREATE TABLE IF NOT
 * EXISTS` can still collide in PostgreSQL's catalog, so starts are serialised by an advisory lock.
 */
export async function createLedgerTables(store: LedgerStore): Promise<void> {
  const tables = ledgerTables(store.quotedSchema);
  await store.sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1)) AS locked', [`subledger.ledger.migrate.${store.quotedSchema}`]);
    for (const statement of ledgerSchemaSql(tables)) await tx.query(statement);
  });
}
