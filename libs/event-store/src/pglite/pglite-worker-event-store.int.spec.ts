import { rm } from 'node:fs/promises';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { freshPgliteDataDir } from '../testing/fresh-pglite-data-dir';
import { createPgliteWorkerEventStore } from './pglite-event-store';

// The embedded mode's store: PGlite in a worker thread. One connection, as in-process PGlite, so
// the rival is the same store.
describeEventStoreContract('PGlite in a worker thread', {
  kind: 'sql',
  open: async () => {
    const dataDir = await freshPgliteDataDir('subledger-pglite-worker-');
    const store = await createPgliteWorkerEventStore({ dataDir, schema: 'event_store' });
    await store.migrate();
    return {
      store,
      rival: store,
      appendManyIsAtomic: true,
      dispose: async () => {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
});

describe('a sent transaction on PGlite in a worker thread', () => {
  it('refuses a statement sent after its COMMIT went, running none of it, and commits what was sent before', async () => {
    const dataDir = await freshPgliteDataDir('subledger-pglite-worker-');
    const store = await createPgliteWorkerEventStore({ dataDir, schema: 'event_store' });
    try {
      await store.migrate();
      await store.sql.query('CREATE TABLE event_store.sent (n int)');
      const attempt = store.sentTransaction(async (tx) => {
        await tx.query('INSERT INTO event_store.sent VALUES (1)');
        await tx.query('INSERT INTO event_store.sent VALUES (2)');
      });
      await expect(attempt).rejects.toThrow("A statement was sent after its transaction's COMMIT, and not run");
      expect((await store.sql.query('SELECT n FROM event_store.sent')).rows).toEqual([{ n: 1 }]);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
