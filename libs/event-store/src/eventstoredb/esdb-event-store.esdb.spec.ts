import { describeEventStoreContract } from '../testing/event-store-contract';
import { EventStoreDbEventStore } from './esdb-event-store';

// Runs only through libs/event-store/jest.esdb.config.js, against a server the user started (see the
// README). Without a server address the run fails here instead of passing with nothing tested.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
if (!connectionString) {
  throw new Error(
    'Set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false) to run the EventStoreDB contract',
  );
}

describeEventStoreContract('EventStoreDB', {
  kind: 'generic',
  open: async () => {
    const store = new EventStoreDbEventStore({ client: connectionString });
    const rival = new EventStoreDbEventStore({ client: connectionString });
    return {
      store,
      rival,
      appendManyIsAtomic: false,
      dispose: async () => {
        await Promise.all([store.close(), rival.close()]);
      },
    };
  },
});
