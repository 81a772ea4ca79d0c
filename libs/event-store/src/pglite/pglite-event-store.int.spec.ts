import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { createPgliteEventStore } from './pglite-event-store';

// PGlite is a single connection, so the rival is the same store: the race tests then check that
// its serialised appends still refuse the loser. A schema other than `public` proves the setting.
describeEventStoreContract('PGlite', {
  kind: 'sql',
  open: async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'subledger-pglite-'));
    const store = await createPgliteEventStore({ db: dataDir, schema: 'event_store' });
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
