import { EventStoreDBClient } from '@eventstore/db-client';
import { assertValidAppends } from '../append-request';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import { fromEsdbAppendError, toEsdbEventData, toEsdbExpectedRevision } from './esdb-mapping';
import { readEsdbAll, readEsdbStream } from './esdb-reads';

export interface EventStoreDbEventStoreOptions {
  /** A client the caller owns and disposes, or a connection string for a client that `close()` disposes. */
  client: EventStoreDBClient | string;
}

/**
 * The event store on EventStoreDB. EventStoreDB has no transaction across streams: `appendMany`
 * appends stream by stream in request order and stops at the first failure, leaving the streams
 * before it written (see the README).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;

  constructor({ client }: EventStoreDbEventStoreOptions) {
    this.ownsClient = typeof client === 'string';
    this.client = typeof client === 'string' ? EventStoreDBClient.connectionString(client) : client;
  }

  async append(
    streamId: string,
    events: readonly EventData[],
    { expectedVersion }: AppendOptions,
  ): Promise<AppendResult> {
    assertValidAppends([{ streamId, events, expectedVersion }]);
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEsdbEventData), {
        expectedRevision: toEsdbExpectedRevision(expectedVersion),
      });
      if (!result.position)
        throw new Error('EventStoreDB returned no position for an append (server older than 22.6?)');
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
    return readEsdbStream(this.client, streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readEsdbAll(this.client, options);
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.dispose();
  }
}
