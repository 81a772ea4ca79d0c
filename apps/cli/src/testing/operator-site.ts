// Only the CLI's integration specs import this file, and specs may reach into other libraries' test kits.
/* eslint-disable @nx/enforce-module-boundaries */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createPgliteEventStore, createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import { freshEmbeddedDataDir } from '@subledger/event-store/testing';
import { freshSchema, testDatabaseUrl } from '@subledger/test-harness';

/** A database as the services leave it, and the environment that points the CLI at it. */
export interface OperatorSite {
  readonly env: Record<string, string>;
  /** The stores the services would open (one PGlite store for both in embedded mode). */
  open(): Promise<{ ledger: SqlEventStore; accounts: SqlEventStore; close(): Promise<void> }>;
  /** SQL as the operator sees it, while no store is open (PGlite is one process at a time). */
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  readonly ledgerSchema: string;
  readonly accountsSchema: string;
  dispose(): Promise<void>;
}

export async function pgliteSite(): Promise<OperatorSite> {
  const dataDir = await freshEmbeddedDataDir('subledger-cli-');
  const open = async () => {
    const store = await createPgliteEventStore({ db: join(dataDir, 'pglite') });
    await store.migrate();
    return { ledger: store, accounts: store, close: () => store.close() };
  };
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    open,
    ledgerSchema: 'public',
    accountsSchema: 'public',
    query: async (sql, params) => {
      const stores = await open();
      try {
        return (await stores.ledger.sql.query(sql, params)).rows as never;
      } finally {
        await stores.close();
      }
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export async function postgresSite(): Promise<OperatorSite> {
  const url = testDatabaseUrl();
  const [ledger, accounts] = [await freshSchema(), await freshSchema()];
  const pool = new Pool({ connectionString: url, max: 2 });
  const open = async () => {
    const stores = {
      ledger: createPostgresEventStore({ pool: url, schema: ledger.name }),
      accounts: createPostgresEventStore({ pool: url, schema: accounts.name }),
    };
    await stores.ledger.migrate();
    await stores.accounts.migrate();
    return { ...stores, close: async () => void (await Promise.all([stores.ledger.close(), stores.accounts.close()])) };
  };
  return {
    env: { DATABASE_URL: url, LEDGER_DATABASE_SCHEMA: ledger.name, ACCOUNTS_DATABASE_SCHEMA: accounts.name },
    open,
    ledgerSchema: ledger.name,
    accountsSchema: accounts.name,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    dispose: async () => {
      await pool.end();
      await ledger.drop();
      await accounts.drop();
    },
  };
}
