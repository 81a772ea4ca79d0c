import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { LEDGER_EVENT_SCHEMA_VERSION, type LedgerEvent } from '@subledger/contracts';
import { createPostgresEventStore, type SqlEventStore, type StreamAppend } from '@subledger/event-store';
import { KafkaConnection, KafkaMessageBus, type MessageBus, type MessagingLogger } from '@subledger/messaging';
import type { CurrencyCode } from '@subledger/money';
import { GivenInfrastructureModule } from '@subledger/platform/testing';
import { type Consumer, Kafka, logLevel } from 'kafkajs';
import { AT } from '../../testing/ledger-commands.fixtures';
import { teamEventData, teamStreamId } from '../../team-state/team-stream';
import type { LedgerEventMessage } from '../ledger-event-message';
import { LedgerEventsRelay } from '../ledger-events.relay';
import { LedgerEventsRelayModule } from '../ledger-events-relay.module';
import type { LedgerEventsRelayOptions } from '../ledger-events-relay.options';
import type { RelayStore } from '../relay-batch';

// What the relay's integration tests run on: the run's PostgreSQL database and Kafka broker.

export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;

function env(name: 'DATABASE_URL' | 'KAFKA_BROKERS'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests with jest.int.config.js`);
  return value;
}

const quiet: MessagingLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** A migrated event store in a schema of its own; `drop` removes the schema. */
export async function freshStore(schema = uniqueName('relay')): Promise<SqlEventStore> {
  const store = createPostgresEventStore({ pool: env('DATABASE_URL'), schema });
  await store.migrate();
  return store;
}

export async function dropSchema(schema: string): Promise<void> {
  const admin = createPostgresEventStore({ pool: env('DATABASE_URL') });
  await admin.sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
}

/** A started Kafka bus, as a ledger replica holds one. */
export async function startedBus(): Promise<KafkaMessageBus> {
  const connection = new KafkaConnection({
    clientId: uniqueName('ledger'),
    brokers: env('KAFKA_BROKERS').split(','),
    logger: quiet,
    logLevel: 'warn',
  });
  const bus = new KafkaMessageBus({ connection, logger: quiet, defaultPartitions: 3 });
  await bus.start();
  return bus;
}

export interface RunningRelay {
  readonly relay: LedgerEventsRelay;
  /** Closes the application, as a replica shutting down does. */
  close(): Promise<void>;
}

/** The relay module booted as the ledger app boots it: bootstrap starts it, closing stops it. */
export async function startRelay(
  store: RelayStore,
  bus: MessageBus,
  options: LedgerEventsRelayOptions,
): Promise<RunningRelay> {
  const moduleRef = await Test.createTestingModule({
    imports: [GivenInfrastructureModule.with({ store, bus }), LedgerEventsRelayModule.forRoot(options)],
  }).compile();
  await moduleRef.init();
  return { relay: moduleRef.get(LedgerEventsRelay), close: () => moduleRef.close() };
}

export interface ReadMessage {
  key: string;
  partition: number;
  offset: number;
  headers: Record<string, string>;
  value: LedgerEventMessage;
}

/** A plain kafkajs consumer reading a topic from its beginning, as a dashboard would. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(topic: string): Promise<TopicReader> {
    const kafka = new Kafka({
      clientId: uniqueName('reader'),
      brokers: env('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    });
    const reader = new TopicReader(kafka.consumer({ groupId: uniqueName('dashboard'), maxWaitTimeInMs: 200 }));
    await reader.consumer.connect();
    await reader.consumer.subscribe({ topic, fromBeginning: true });
    await reader.consumer.run({
      eachMessage: async ({ partition, message }) => {
        reader.messages.push({
          key: message.key?.toString() ?? '',
          partition,
          offset: Number(message.offset),
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
          ),
          value: JSON.parse(message.value?.toString() ?? 'null') as LedgerEventMessage,
        });
      },
    });
    return reader;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How many messages the topic holds: the sum of its partitions' end offsets (nothing is ever deleted in a test). */
export async function topicSize(topic: string): Promise<number> {
  const admin = new Kafka({
    clientId: uniqueName('probe'),
    brokers: env('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((total, { high }) => total + Number(high), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Appends `rounds` events to each team, one commit per round holding one event of every team, so
 * the teams' events interleave in the global order as a ledger's batches make them. A team's first
 * event opens it; the others are top-ups.
 */
export class TeamHistories {
  private readonly versions = new Map<string, bigint>();

  constructor(
    private readonly store: SqlEventStore,
    readonly teams: readonly string[],
    /** A team's currency, 'usd' unless given. */
    private readonly currencies: Readonly<Record<string, CurrencyCode>> = {},
  ) {}

  async append(rounds: number): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      await this.store.appendMany(this.teams.map((team) => this.nextOf(team)));
    }
  }

  private nextOf(team: string): StreamAppend {
    const previous = this.versions.get(team);
    const version = previous === undefined ? 0n : previous + 1n;
    this.versions.set(team, version);
    const event: LedgerEvent =
      version === 0n
        ? {
            type: 'TeamOpened',
            schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
            teamId: team,
            currency: this.currencies[team] ?? 'usd',
            at: AT,
          }
        : {
            type: 'TopUpRecorded',
            schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
            topUpId: `top-up-${version}`,
            amount: version * 1_000_000n,
            at: AT,
          };
    const streamId = teamStreamId(team);
    const balanceAfter = ((version * (version + 1n)) / 2n) * 1_000_000n;
    return {
      streamId,
      events: [teamEventData(streamId, version, event, { balance: balanceAfter })],
      expectedVersion: previous ?? 'no_stream',
    };
  }
}
