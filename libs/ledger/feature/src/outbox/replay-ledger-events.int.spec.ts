import type { SqlEventStore } from '@subledger/event-store';
import { type KafkaMessageBus, WIRE_SCHEMA_VERSION } from '@subledger/messaging';
import { ledgerEventMessages } from './ledger-event-messages';
import { relayStatements } from './relay-statements.sql';
import { replayLedgerEvents } from './replay-ledger-events';
import { ledgerEventMessageProblems, ledgerEventSchemas } from './testing/json-schema-check';
import {
  dropSchema,
  freshStore,
  type ReadMessage,
  startedBus,
  TeamHistories,
  TopicReader,
  uniqueName,
  waitFor,
} from './testing/relay-test-kit';

describe('replayLedgerEvents on PostgreSQL and Kafka', () => {
  const schemas = ledgerEventSchemas();
  const cleanups: (() => Promise<void>)[] = [];
  let db: SqlEventStore;
  let kafka: KafkaMessageBus;

  beforeAll(async () => {
    const schema = uniqueName('replay');
    db = await freshStore(schema);
    cleanups.push(
      () => dropSchema(schema),
      () => db.close(),
    );
    kafka = await startedBus();
    cleanups.push(() => kafka.close());
    const teams = new TeamHistories(db, ['team_a', 'team_b', 'team_c'], { team_b: 'eur' });
    await teams.append(12);
    await db.append('team-accounts-team_a', [{ type: 'TeamCreated', data: { teamId: 'team_a' } }], {
      expectedVersion: 'no_stream',
    });
    await teams.append(3);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A topic of the test's own, created as the services create ledger.events. */
  async function newTopic(): Promise<string> {
    const topic = uniqueName('ledger.events');
    await kafka.ensureTopics([topic]);
    return topic;
  }

  async function read(topic: string, count: number): Promise<ReadMessage[]> {
    const reader = await TopicReader.start(topic);
    try {
      await waitFor(() => reader.messages.length >= count, `${count} messages on ${topic}`);
      return [...reader.messages].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
    } finally {
      await reader.stop();
    }
  }

  it("republishes one team's events, in its stream's order, as the relay published them", async () => {
    const topic = await newTopic();
    const progress: number[] = [];

    const result = await replayLedgerEvents(db, kafka, {
      topic,
      teamId: 'team_b',
      batchSize: 4,
      onProgress: (published) => progress.push(published),
    });

    expect(result.published).toBe(15);
    expect(progress).toEqual([4, 8, 12, 15]);
    const expected = (await ledgerEventMessages(db.sql, db.quotedSchema, await db.readAll())).filter(
      (message) => message.key === 'team_b',
    );
    const messages = await read(topic, 15);
    expect(messages.map(({ key, value }) => [key, value])).toEqual(expected.map(({ key, value }) => [key, value]));
    expect(messages.map(({ value }) => value.version)).toEqual([...Array(15).keys()].map(String));
    expect(new Set(messages.map(({ value }) => value.currency))).toEqual(new Set(['eur']));
    for (const message of messages) {
      expect(message.headers).toEqual({
        ...expected.find(({ value }) => value.eventId === message.value.eventId)?.headers,
        'schema-version': WIRE_SCHEMA_VERSION,
      });
      expect(ledgerEventMessageProblems(schemas, message.headers, message.value)).toEqual([]);
    }
  });

  it("republishes every team's events up to the last one committed when it began, and leaves the relay's checkpoint alone", async () => {
    const topic = await newTopic();

    const result = await replayLedgerEvents(db, kafka, { topic, batchSize: 7 });

    const all = await ledgerEventMessages(db.sql, db.quotedSchema, await db.readAll());
    expect(result).toEqual({ published: 45, through: (await db.readAll()).at(-1)?.globalPosition });
    const messages = await read(topic, 45);
    const byTeam = (list: readonly { key: string; value: { eventId: string } }[]) =>
      Object.fromEntries(
        ['team_a', 'team_b', 'team_c'].map((team) => [
          team,
          list.filter(({ key }) => key === team).map(({ value }) => value.eventId),
        ]),
      );
    expect(byTeam(messages)).toEqual(byTeam(all));
    const { rows } = await db.sql.query(relayStatements(db.quotedSchema).loadCheckpoint, ['ledger-events-relay']);
    expect(rows).toEqual([]);
  });

  it('publishes nothing for a team the ledger does not hold', async () => {
    await expect(
      replayLedgerEvents(db, kafka, { topic: uniqueName('ledger.events'), teamId: 'team_zzz' }),
    ).resolves.toMatchObject({ published: 0 });
  });
});
