import { createPgliteEventStore, createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import { freshPgliteDataDir } from '@subledger/event-store/testing';
// Only the integration specs import this file, and specs may use the test harness.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freshSchema, testDatabaseUrl } from '@subledger/test-harness';
import { rm } from 'node:fs/promises';

export interface OpenedStore {
  readonly store: SqlEventStore;
  dispose(): Promise<void>;
}

/** PGlite in a temp directory, with a schema other than `public` to prove the setting is followed. */
async function openPglite(): Promise<OpenedStore> {
  const dataDir = await freshPgliteDataDir('subledger-accounts-');
  const store = await createPgliteEventStore({ db: dataDir, schema: 'accounts_test' });
  await store.migrate();
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL of the test run, in a fresh schema of its own. */
async function openPostgres(): Promise<OpenedStore> {
  const schema = await freshSchema();
  const store = createPostgresEventStore({ pool: testDatabaseUrl(), schema: schema.name });
  await store.migrate();
  return {
    store,
    dispose: async () => {
      await store.close();
      await schema.drop();
    },
  };
}

/** Every integration test of the accounts service runs on both SQL backends. */
export const BACKENDS: readonly [string, () => Promise<OpenedStore>][] = [
  ['PGlite', openPglite],
  ['PostgreSQL', openPostgres],
];
