import { EventStoreDBClient } from '@eventstore/db-client';
import { assertValidAppends } from '../append-request';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  EventStoreCapabilities,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import type { SubscribeOptions, Subscription, SubscriptionHandler } from '../subscription.port';
import { EsdbCheckpoints } from './esdb-checkpoints';
import { fromEsdbAppendError, toEsdbEventData, toEsdbExpectedRevision } from './esdb-mapping';
import { readEsdbAll, readEsdbStream } from './esdb-reads';
import { startEsdbSubscription } from './esdb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** A client the caller owns and disposes, or a connection string for a client that `close()` disposes. */
  client: EventStoreDBClient | string;
  /** Prefix of the streams that hold subscription checkpoints; hidden from reads. */
  checkpointStreamPrefix?: string;
}

/**
 * The event store on EventStoreDB. EventStoreDB has no transaction across streams: `appendMany`
 * appends stream by stream in request order and stops at the first failure, leaving the streams
 * before it written (see the README).
 */
export class EventStoreDbEventStore implements EventStore {
  readonly capabilities: EventStoreCapabilities = { atomicAppendMany: false };
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;
  private readonly checkpoints: EsdbCheckpoints;

  constructor({ client, checkpointStreamPrefix = 'subledger-checkpoint-' }: EventStoreDbEventStoreOptions) {
    this.ownsClient = typeof client === 'string';
    this.client = typeof client === 'string' ? EventStoreDBClient.connectionString(client) : client;
    this.checkpoints = new EsdbCheckpoints(this.client, checkpointStreamPrefix);
  }

  async append(streamId: string, events: readonly EventData[], { expectedVersion }: AppendOptions): Promise<AppendResult> {
    assertValidAppends([{ streamId, events, expectedVersion }]);
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEsdbEventData), {
        expectedRevision: toEsdbExpectedRevision(expectedVersion),
      });
      if (!result.position) throw new Error('EventStoreDB returned no position for an append (server older than 22.6?)');
      return { nextExpectedVersion: result.nextExpectedRevision, lastGlobalPosition: result.position.commit };
    } catch (error) {
      throw fromEsdbAppendError(error, streamId, expectedVersion);
    }
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertValidAppends(appends);
    const results: AppendResult[] = [];
    for (const { streamId, events, expectedVersion } of appends) {
      results.push(await this.append(streamId, events, { expectedVersion }));
    }
    return results;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readEsdbStream(this.client, this.checkpoints.streamPrefix, streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readEsdbAll(this.client, this.checkpoints.streamPrefix, options);
  }

  subscribe(name: string, handler: SubscriptionHandler, options?: SubscribeOptions): Promise<Subscription> {
    return startEsdbSubscription(this.client, this.checkpoints, name, handler, options);
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.dispose();
  }
}
