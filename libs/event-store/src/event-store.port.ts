import type { JsonObject } from './json';

export interface EventData {
  /** A uuid. Deterministic ids are welcome: EventStoreDB dedupes on them, SQL rejects a repeat. */
  id?: string;
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** 0-based position of the event in its stream. */
  streamVersion: bigint;
  /** Position in the global log: strictly increasing in commit order, not necessarily contiguous. */
  globalPosition: bigint;
  recordedAt: Date;
}

/** The version of the last event of the stream, or `no_stream` for a stream without events. */
export type StreamVersion = bigint | 'no_stream';

export type ExpectedVersion = bigint | 'no_stream' | 'stream_exists' | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
}

export interface AppendResult {
  /** The version of the last event written: pass it as the expected version of the next append. */
  nextExpectedVersion: bigint;
  lastGlobalPosition: bigint;
}

export interface StreamAppend {
  streamId: string;
  events: readonly EventData[];
  expectedVersion: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** First stream version to return (inclusive). Default 0. */
  fromVersion?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** First global position to return (inclusive); it need not be the position of an event in SQL stores. */
  fromPosition?: bigint;
  maxCount?: number;
}

export interface EventStore {
  /** Throws `WrongExpectedVersionError` when the stream is not at the expected version. */
  append(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult>;
  /**
   * One result per request, in request order. The SQL stores write all of the streams or none of
   * them; the EventStoreDB adapter appends stream by stream and stops at the first failure, leaving
   * the streams before it written.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Events in stream order; an empty list for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}
