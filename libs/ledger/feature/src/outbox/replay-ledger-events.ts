import type { RecordedEvent, SqlEventStore } from '@subledger/event-store';
import type { MessageBus } from '@subledger/messaging';
import { ledgerEventMessages } from './ledger-event-messages';
import { publishAll } from './relay-batch';
import { teamStreamId } from '../team-state/team-stream';

export type ReplayStore = Pick<SqlEventStore, 'readAll' | 'readStream' | 'sql' | 'quotedSchema'>;

export interface LedgerEventsReplay {
  /** Where the events go: `ledger.events` (the bus adds its namespace). */
  readonly topic: string;
  /** One team's events; every team's when absent. */
  readonly teamId?: string;
  /** Events read and published together. Default 1,000. */
  readonly batchSize?: number;
  /** Stops between batches when aborted; what was published stays published. */
  readonly signal?: AbortSignal;
  /** After each batch: events published so far. */
  readonly onProgress?: (published: number) => void;
}

export interface ReplayResult {
  /** Messages published. */
  readonly published: number;
  /** The last global position replayed (the store's end when the replay began), or null for none. */
  readonly through: bigint | null;
}

const DEFAULT_BATCH = 1_000;

/**
 * Publishes the ledger's committed events again, as the relay published them (the same key,
 * value and headers), a team's stream in its order or the whole log in global order, up to the
 * event that was last when the replay began. It leaves the relay and its checkpoint alone: a
 * consumer sees the replayed events as redeliveries and skips the versions it has (docs/events.md,
 * "Replay"), and a consumer that starts late reads them all. Each batch is acknowledged before
 * the next is read, so the order on each partition is the stream's.
 */
export async function replayLedgerEvents(
  store: ReplayStore,
  bus: Pick<MessageBus, 'publish'>,
  replay: LedgerEventsReplay,
): Promise<ReplayResult> {
  const batchSize = replay.batchSize ?? DEFAULT_BATCH;
  const end = await lastPosition(store);
  if (end === null) return { published: 0, through: null };
  let published = 0;
  for await (const page of pages(store, replay, batchSize, end)) {
    const messages = await ledgerEventMessages(store.sql, store.quotedSchema, page);
    await publishAll(bus, replay.topic, messages);
    published += messages.length;
    replay.onProgress?.(published);
  }
  return { published, through: end };
}

async function* pages(
  store: ReplayStore,
  replay: LedgerEventsReplay,
  batchSize: number,
  end: bigint,
): AsyncGenerator<RecordedEvent[]> {
  let from = 0n;
  for (;;) {
    if (replay.signal?.aborted) throw new Error('The replay was interrupted', { cause: replay.signal.reason });
    const page =
      replay.teamId === undefined
        ? await store.readAll({ fromPosition: from, maxCount: batchSize })
        : await store.readStream(teamStreamId(replay.teamId), { fromVersion: from, maxCount: batchSize });
    const within = page.filter((event) => event.globalPosition <= end);
    if (within.length > 0) yield within;
    if (page.length < batchSize || within.length < page.length) return;
    const last = page[page.length - 1];
    from = (replay.teamId === undefined ? last.globalPosition : last.streamVersion) + 1n;
  }
}

async function lastPosition(store: ReplayStore): Promise<bigint | null> {
  const { rows } = await store.sql.query<{ last: string | null }>(
    `SELECT max(global_position)::text AS last FROM ${store.quotedSchema}.events`,
  );
  return rows[0]?.last == null ? null : BigInt(rows[0].last);
}
