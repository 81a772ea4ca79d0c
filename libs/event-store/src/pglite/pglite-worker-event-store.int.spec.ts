import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { createPgliteWorkerEventStore } from './pglite-event-store';

// The embedded mode's store: PGlite in a worker thread. One connection, as in-process PGlite, so
// the rival is the same store.
describeEventStoreContract('PGlite in a worker thread', {
  kind: 'sql',
  open: async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'subledger-pglite-worker-'));
    const store = await createPgliteWorkerEventStore({ dataDir, schema: 'event_store' });
    await store.migrate();
    return {
      store,
      rival: store,
      dispose: async () => {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
});
