import type { RecordedEvent } from '../event-store.port';
import type { JsonObject } from '../json';

/** A row of `events` as the read statements select it: bigints as text, so no driver rounds them. */
export interface EventRow {
  [column: string]: unknown;
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  recorded_at: Date | string;
}

export function recordedEventFromRow(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamVersion: BigInt(row.stream_version),
    globalPosition: BigInt(row.global_position),
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
  };
}
