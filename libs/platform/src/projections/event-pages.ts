import type { RecordedEvent, SqlEventStoreTransaction } from '@subledger/event-store';
import type { Queryable } from './rebuildable-projection';

export type EventReader = Pick<SqlEventStoreTransaction, 'readAll'>;

/** The newest event's position (0 when there is none) and how many events there are up to it. */
export async function eventsHead(db: Queryable, liveSchema: string): Promise<{ position: bigint; count: number }> {
  const { rows } = await db.query<{ position: string; count: string }>(
    `SELECT coalesce(max(global_position), 0)::text AS position, count(*)::text AS count FROM ${liveSchema}.events`,
  );
  return { position: BigInt(rows[0]?.position ?? '0'), count: Number(rows[0]?.count ?? 0) };
}

/**
 * The events after `after` up to `until` (inclusive; null: to the end) in global order, a page at a
 * time: memory holds one page, whatever the store's size.
 */
export async function* eventPages(
  reader: EventReader,
  after: bigint,
  until: bigint | null,
  pageSize: number,
): AsyncGenerator<RecordedEvent[]> {
  let from = after + 1n;
  for (;;) {
    const page = await reader.readAll({ fromPosition: from, maxCount: pageSize });
    const kept = until === null ? page : page.filter((event) => event.globalPosition <= until);
    if (kept.length > 0) yield kept;
    if (page.length < pageSize || kept.length < page.length) return;
    from = page[page.length - 1].globalPosition + 1n;
  }
}
