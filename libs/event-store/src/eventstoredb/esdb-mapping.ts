import {
  ANY,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData as EsdbEventData,
  jsonEvent,
  NO_STREAM,
  type Position,
  type ResolvedEvent,
  STREAM_EXISTS,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EventData, ExpectedVersion, RecordedEvent, StreamVersion } from '../event-store.port';
import type { JsonObject } from '../json';
import { WrongExpectedVersionError } from '../wrong-expected-version.error';

export function toEsdbExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (typeof expected === 'bigint') return expected;
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default: {
      const unknown: never = expected;
      throw new TypeError(`Unknown expected version ${String(unknown)}`);
    }
  }
}

export function fromEsdbCurrentRevision(actual: CurrentRevision): StreamVersion {
  return actual === NO_STREAM ? 'no_stream' : BigInt(actual);
}

/** The event as EventStoreDB stores it; a given id passes through, so the server can dedupe on it. */
export function toEsdbEventData(event: EventData): EsdbEventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata ?? {} });
}

/**
 * EventStoreDB positions have a commit and a prepare part; events appended through gRPC carry equal
 * parts, so the commit part alone is the global position and a position is rebuilt from it.
 */
export function toEsdbPosition(globalPosition: bigint): Position {
  return { commit: globalPosition, prepare: globalPosition };
}

/** Maps the client's conflict to ours; anything else passes through unchanged. */
export function fromEsdbAppendError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (!(error instanceof EsdbWrongExpectedVersionError)) return error;
  return new WrongExpectedVersionError(streamId, expected, fromEsdbCurrentRevision(error.actualVersion));
}

/**
 * Our view of a read event, or undefined for what is not ours to see: system streams and events
 * (`$` prefix) and events whose data is not a JSON object.
 */
export function fromEsdbResolvedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || !isJsonObject(event.data)) return undefined;
  if (event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined)
    throw new Error(`EventStoreDB returned event ${event.id} without a position (server older than 22.6?)`);
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    metadata: isJsonObject(event.metadata) ? event.metadata : {},
    streamVersion: event.revision,
    globalPosition: position,
    recordedAt: event.created,
  };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
