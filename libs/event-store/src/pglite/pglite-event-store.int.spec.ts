import { rm } from 'node:fs/promises';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { freshPgliteDataDir } from '../testing/fresh-pglite-data-dir';
import { createPgliteEventStore } from './pglite-event-store';

// PGlite is a single connection, so the rival is the same store: the race tests then check that
// its serialised appends still refuse the loser. A schema other than `public` proves the setting.
describeEventStoreContract('PGlite', {
  kind: 'sql',
  open: async () => {
    const dataDir = await freshPgliteDataDir();
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
