import { randomUUID } from 'node:crypto';
import type { EventData, EventStore } from '../event-store.port';
import type { SqlEventStore } from '../sql/sql-event-store';

export interface ContractSubject {
  store: EventStore;
  /** A second store on its own connection(s) to the same backend, racing `store` in the race tests. */
  rival: EventStore;
  /**
   * Whether `appendMany` writes all of its streams or none (the SQL stores), rather than stream by
   * stream up to the first failure (EventStoreDB).
   */
  appendManyIsAtomic: boolean;
  dispose(): Promise<void>;
}

export interface SqlContractSubject extends ContractSubject {
  store: SqlEventStore;
  rival: SqlEventStore;
  appendManyIsAtomic: true;
}

/** How to open the store under test. `sql` stores also run the transaction and migration tests. */
export type EventStoreContractFactory =
  { kind: 'generic'; open(): Promise<ContractSubject> } | { kind: 'sql'; open(): Promise<SqlContractSubject> };

/** The subject of the running suite, opened in `beforeAll` and disposed in `afterAll`. */
export interface ContractFixture<S extends ContractSubject = ContractSubject> {
  readonly subject: S;
}

export function openFixture<S extends ContractSubject>(open: () => Promise<S>): ContractFixture<S> {
  let subject: S | undefined;
  beforeAll(async () => {
    subject = await open();
  });
  afterAll(async () => {
    await subject?.dispose();
  });
  return {
    get subject(): S {
      if (!subject) throw new Error('The contract subject is not open');
      return subject;
    },
  };
}

/** Stream ids unique to one test, so suites can share a server (EventStoreDB) or a schema. */
export function uniqueStreamId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function sampleEvent(type: string, data: EventData['data'] = {}): EventData {
  return { id: randomUUID(), type, data };
}

export function sampleEvents(count: number, type = 'SampleHappened'): EventData[] {
  return Array.from({ length: count }, (_, index) => sampleEvent(type, { index }));
}
