import {
  type EventStoreDBClient,
  FORWARDS,
  type ReadPosition,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { fromEsdbResolvedEvent, toEsdbPosition } from './esdb-mapping';

const PAGE_SIZE = 500;

export async function readEsdbStream(
  client: EventStoreDBClient,
  streamId: string,
  { fromVersion = 0n, maxCount }: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  if (maxCount === 0) return [];
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamId, {
      fromRevision: fromVersion,
      maxCount,
      direction: FORWARDS,
    })) {
      const event = fromEsdbResolvedEvent(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return events;
}

/**
 * `$all` also holds system events, which are left out: reads go page by page until
 * `maxCount` of our events are found or the log ends, so a short page always means the end.
 */
export async function readEsdbAll(
  client: EventStoreDBClient,
  { fromPosition = 0n, maxCount = Number.MAX_SAFE_INTEGER }: ReadAllOptions = {},
): Promise<RecordedEvent[]> {
  if (maxCount === 0) return [];
  const events: RecordedEvent[] = [];
  let from: ReadPosition = fromPosition === 0n ? START : toEsdbPosition(fromPosition);
  let after: bigint | undefined;
  for (;;) {
    let pageLength = 0;
    for await (const resolved of client.readAll({ fromPosition: from, maxCount: PAGE_SIZE, direction: FORWARDS })) {
      pageLength += 1;
      const position = resolved.event?.position?.commit ?? resolved.commitPosition;
      // Each next page starts at the last event of the previous one (positions are inclusive).
      if (position === undefined || (after !== undefined && position <= after)) continue;
      after = position;
      const event = fromEsdbResolvedEvent(resolved);
      if (event) events.push(event);
      if (events.length === maxCount) return events;
    }
    if (pageLength < PAGE_SIZE || after === undefined) return events;
    from = toEsdbPosition(after);
  }
}
