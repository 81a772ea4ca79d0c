import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createPgliteEventStore, createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import { freshPgliteDataDir } from '@subledger/event-store/testing';

/**
 * A database the ledger's tests start over and over: `openStore` may be called again after the
 * previous store is closed (a restart), and sees everything written before.
 */
export interface LedgerDatabase {
  openStore(): Promise<SqlEventStore>;
  dispose(): Promise<void>;
}

async function pglite(): Promise<LedgerDatabase> {
  const dir = await freshPgliteDataDir('subledger-ledger-');
  return {
    openStore: async () => migrated(await createPgliteEventStore({ db: dir })),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

// A schema of its own in the run's database (created by the integration global setup): the
// store's migration creates it, and it is dropped at the end.
async function postgres(): Promise<LedgerDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests with jest.int.config.js');
  const schema = `ledger_${randomBytes(6).toString('hex')}`;
  return {
    openStore: () => migrated(createPostgresEventStore({ pool: url, schema })),
    dispose: async () => {
      const admin = createPostgresEventStore({ pool: url });
      await admin.sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}

async function migrated(store: SqlEventStore): Promise<SqlEventStore> {
  await store.migrate();
  return store;
}

/** Every backend the ledger runs on: PGlite in embedded mode, PostgreSQL in distributed mode. */
export const ledgerDatabases: [string, () => Promise<LedgerDatabase>][] = [
  ['PGlite', pglite],
  ['PostgreSQL', postgres],
];
