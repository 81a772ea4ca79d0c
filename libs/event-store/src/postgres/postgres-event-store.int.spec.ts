import { freshSchema, testDatabaseUrl } from '@subledger/test-harness';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { createPostgresEventStore } from './postgres-event-store';

// Two stores with pools of their own on one fresh schema: the race tests pit two connections
// against each other.
describeEventStoreContract('PostgreSQL', {
  kind: 'sql',
  open: async () => {
    const schema = await freshSchema();
    const store = createPostgresEventStore({ pool: testDatabaseUrl(), schema: schema.name });
    const rival = createPostgresEventStore({ pool: testDatabaseUrl(), schema: schema.name });
    await store.migrate();
    return {
      store,
      rival,
      appendManyIsAtomic: true,
      dispose: async () => {
        await Promise.all([store.close(), rival.close()]);
        await schema.drop();
      },
    };
  },
});
