import { type MigrationHistory, migrateSchema } from '@subledger/event-store';
import { join } from 'node:path';
import type { LedgerStore } from './ledger-store';

/** The ledger's tables (`ledger_*`): its migration history, `ledger_migrations` in the ledger's schema. */
export const ledgerMigrations: MigrationHistory = { name: 'ledger', dir: join(__dirname, 'migrations') };

/**
 * Applies the ledger's pending migrations. A service has applied (or verified) them before its
 * modules start (EventStoreModule), so this finds nothing to do there; compositions over a bare
 * store (tests, benchmarks) rely on it.
 */
export async function applyLedgerMigrations(store: LedgerStore): Promise<void> {
  await migrateSchema(store.sql, store.schema, [ledgerMigrations]);
}
