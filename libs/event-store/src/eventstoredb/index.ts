// The EventStoreDB adapter, an entry of its own (@subledger/event-store/eventstoredb): no service runs
// on it (docs/architecture.md, "Event store"), and its gRPC client costs every process that loads
// the main entry about 0.6 s to load.
export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './esdb-event-store';
