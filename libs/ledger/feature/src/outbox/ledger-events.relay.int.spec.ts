import type { SqlEventStore, SqlEventStoreTransaction } from '@subledger/event-store';
import { type KafkaMessageBus, WIRE_SCHEMA_VERSION } from '@subledger/messaging';
import { Client } from 'pg';
import type { OutgoingLedgerEvent } from './ledger-event-message';
import { ledgerEventMessages } from './ledger-event-messages';
import type { RelayStore } from './relay-batch';
import { relayStatements } from './relay-statements.sql';
import {
  dropSchema,
  freshStore,
  type ReadMessage,
  sleep,
  startedBus,
  startRelay,
  TeamHistories,
  TopicReader,
  topicSize,
  uniqueName,
  waitFor,
} from './testing/relay-test-kit';
import { ledgerEventMessageProblems, ledgerEventSchemas } from './testing/json-schema-check';

const NAME = 'ledger-events-relay';

/** Every ledger event of the store as the relay publishes it, in global order. */
async function outbox(store: SqlEventStore): Promise<OutgoingLedgerEvent[]> {
  return ledgerEventMessages(store.sql, store.quotedSchema, await store.readAll());
}

async function checkpointOf(store: SqlEventStore): Promise<bigint | undefined> {
  const { rows } = await store.sql.query<{ position: string }>(relayStatements(store.quotedSchema).loadCheckpoint, [
    NAME,
  ]);
  return rows.length === 0 ? undefined : BigInt(rows[0].position);
}

async function lastPosition(store: SqlEventStore): Promise<bigint> {
  const events = await store.readAll();
  return events[events.length - 1].globalPosition;
}

/** Waits until the relay's checkpoint is past every event and the reader holds all the topic has. */
async function drained(store: SqlEventStore, topic: string, reader: TopicReader): Promise<void> {
  const last = await lastPosition(store);
  await waitFor(async () => (await checkpointOf(store)) === last, `the checkpoint to reach ${last}`);
  const size = await topicSize(topic);
  await waitFor(() => reader.messages.length >= size, `the reader to read ${size} messages`);
  expect(reader.messages).toHaveLength(size);
}

/** Each key's event ids in the order its partition holds them; also checks a key keeps to one partition. */
function idsByTeam(messages: readonly { key: string; value: { eventId: string } }[]): Record<string, string[]> {
  const ids: Record<string, string[]> = {};
  for (const { key, value } of messages) (ids[key] ??= []).push(value.eventId);
  return ids;
}

function inPartitionOrder(messages: readonly ReadMessage[]): ReadMessage[] {
  const partitions = new Map<string, number>();
  for (const { key, partition } of messages) {
    expect(partitions.get(key) ?? partition).toBe(partition);
    partitions.set(key, partition);
  }
  return [...messages].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** The store wrapped so that saving the checkpoint fails once, at its `failAt`-th save: a crash after publishing. */
class CheckpointFailingStore implements RelayStore {
  readonly schema: string;
  readonly quotedSchema: string;
  readonly saved: bigint[] = [];
  failedAt: bigint | undefined;
  private saves = 0;

  constructor(
    private readonly inner: SqlEventStore,
    private readonly failAt: number,
  ) {
    this.schema = inner.schema;
    this.quotedSchema = inner.quotedSchema;
  }

  transaction<T>(work: (tx: SqlEventStoreTransaction) => Promise<T>): Promise<T> {
    const saveCheckpoint = relayStatements(this.quotedSchema).saveCheckpoint;
    return this.inner.transaction((tx) =>
      work({
        ...tx,
        readAll: (options) => tx.readAll(options),
        query: async (sql, params) => {
          if (sql !== saveCheckpoint) return tx.query(sql, params);
          const position = BigInt(String(params?.[1]));
          this.saves += 1;
          if (this.saves === this.failAt) {
            this.failedAt = position;
            throw new Error('the process died before saving its checkpoint');
          }
          this.saved.push(position);
          return tx.query(sql, params);
        },
      } as SqlEventStoreTransaction),
    );
  }
}

describe('LedgerEventsRelay on PostgreSQL and Kafka', () => {
  const schemas = ledgerEventSchemas();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function store(schema = uniqueName('relay')): Promise<SqlEventStore> {
    const opened = await freshStore(schema);
    cleanups.push(async () => {
      await opened.close();
      await dropSchema(schema);
    });
    return opened;
  }

  async function bus(): Promise<KafkaMessageBus> {
    const started = await startedBus();
    cleanups.push(() => started.close());
    return started;
  }

  async function reader(topic: string): Promise<TopicReader> {
    const started = await TopicReader.start(topic);
    cleanups.push(() => started.stop());
    return started;
  }

  it("publishes every committed ledger event once, in its team's order, keyed by team; a new relay resumes after the checkpoint", async () => {
    const db = await store();
    const kafka = await bus();
    const topic = uniqueName('ledger.events');
    const teams = new TeamHistories(db, ['team_a', 'team_b', 'team_c'], { team_c: 'eur' });
    await teams.append(20);
    await db.append('team-accounts-team_a', [{ type: 'TeamCreated', data: { teamId: 'team_a' } }], {
      expectedVersion: 'no_stream',
    });
    await teams.append(20);
    await db.append('account-acc_1', [{ type: 'AccountCreated', data: { accountId: 'acc_1' } }], {
      expectedVersion: 'no_stream',
    });

    const first = await startRelay(db, kafka, { topic, batchSize: 25, pollIntervalMs: 50 });
    cleanups.push(() => first.close());
    const events = await reader(topic);
    await drained(db, topic, events);

    const published = await outbox(db);
    expect(published).toHaveLength(120);
    const read = inPartitionOrder(events.messages);
    expect(idsByTeam(read)).toEqual(idsByTeam(published));
    expect(Object.keys(idsByTeam(read)).sort()).toEqual(['team_a', 'team_b', 'team_c']);
    const byId = new Map(published.map((message) => [message.value.eventId, message]));
    for (const message of read) {
      const expected = byId.get(message.value.eventId);
      expect(message.value).toEqual(expected?.value);
      expect(message.key).toBe(message.value.teamId);
      expect(message.headers).toEqual({ ...expected?.headers, 'schema-version': WIRE_SCHEMA_VERSION });
      expect(ledgerEventMessageProblems(schemas, message.headers, message.value)).toEqual([]);
    }
    expect(read.find((message) => message.value.version === '3' && message.key === 'team_b')?.value).toMatchObject({
      streamId: 'team-team_b',
      type: 'TopUpRecorded',
      currency: 'usd',
      balanceAfter: '6000000',
      data: { type: 'TopUpRecorded', schemaVersion: 1, topUpId: 'top-up-3', amount: '3000000' },
    });

    await first.close();
    await teams.append(30);
    const second = await startRelay(db, kafka, { topic, batchSize: 25, pollIntervalMs: 50 });
    cleanups.push(() => second.close());
    await drained(db, topic, events);

    const all = await outbox(db);
    expect(all).toHaveLength(210);
    expect(idsByTeam(inPartitionOrder(events.messages))).toEqual(idsByTeam(all));
    // Batches of 25 hold several events of each team and, after the restart, no TeamOpened: the
    // currency is read from the stream's first event, the balance is the one after each event.
    for (const { key, value } of events.messages) {
      const version = BigInt(value.version);
      const balance = ((version * (version + 1n)) / 2n) * 1_000_000n;
      expect([value.currency, value.balanceAfter]).toEqual([key === 'team_c' ? 'eur' : 'usd', balance.toString()]);
    }
  });

  it('publishes again only the batch whose checkpoint was not saved', async () => {
    const db = await store();
    const kafka = await bus();
    const topic = uniqueName('ledger.events');
    await new TeamHistories(db, ['team_a', 'team_b', 'team_c']).append(20);
    const failing = new CheckpointFailingStore(db, 3);

    const relay = await startRelay(failing, kafka, { topic, batchSize: 10, pollIntervalMs: 50, retryBackoffMs: 50 });
    cleanups.push(() => relay.close());
    const events = await reader(topic);
    await drained(db, topic, events);

    // The third batch was published, then its checkpoint was lost: it is published once more, right
    // after itself, and every other event exactly once.
    const savedBefore = failing.saved[1];
    const failedAt = failing.failedAt ?? -1n;
    expect(failing.saved.slice(0, 3)).toEqual([10n, 20n, 30n]);
    expect([savedBefore, failedAt]).toEqual([20n, 30n]);
    const published = await outbox(db);
    const position = (message: OutgoingLedgerEvent) => BigInt(message.value.position);
    const expected = [
      ...published.filter((message) => position(message) <= failedAt),
      ...published.filter((message) => position(message) > savedBefore && position(message) <= failedAt),
      ...published.filter((message) => position(message) > failedAt),
    ];
    expect(events.messages).toHaveLength(70);
    expect(idsByTeam(inPartitionOrder(events.messages))).toEqual(idsByTeam(expected));
  });

  it('publishes nothing while another relay holds the lock, and everything once it is released', async () => {
    const db = await store();
    const kafka = await bus();
    const topic = uniqueName('ledger.events');
    await new TeamHistories(db, ['team_a', 'team_b', 'team_c']).append(5);
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query('BEGIN');
    const { rows } = await holder.query(relayStatements(db.quotedSchema).tryLock, [db.schema, NAME]);
    expect(rows).toEqual([{ locked: true }]);

    const relay = await startRelay(db, kafka, { topic, pollIntervalMs: 20, standbyIntervalMs: 20 });
    cleanups.push(() => relay.close());
    const events = await reader(topic);
    await sleep(1_500);
    expect(await topicSize(topic)).toBe(0);
    expect(await checkpointOf(db)).toBeUndefined();

    await holder.query('COMMIT');
    await drained(db, topic, events);
    expect(idsByTeam(inPartitionOrder(events.messages))).toEqual(idsByTeam(await outbox(db)));
  });

  it('lets two replicas started at once take turns: each event is published once', async () => {
    const schema = uniqueName('relay');
    const db = await store(schema);
    const replica = await freshStore(schema);
    cleanups.push(() => replica.close());
    const [kafkaA, kafkaB] = await Promise.all([bus(), bus()]);
    const topic = uniqueName('ledger.events');
    await new TeamHistories(db, ['team_a', 'team_b', 'team_c', 'team_d']).append(75);
    const options = { topic, batchSize: 10, pollIntervalMs: 20, standbyIntervalMs: 5 };

    const relays = await Promise.all([startRelay(db, kafkaA, options), startRelay(replica, kafkaB, options)]);
    cleanups.push(() => Promise.all(relays.map((relay) => relay.close())).then(() => undefined));
    const events = await reader(topic);
    await drained(db, topic, events);

    expect(events.messages).toHaveLength(300);
    expect(idsByTeam(inPartitionOrder(events.messages))).toEqual(idsByTeam(await outbox(db)));
  });
});
