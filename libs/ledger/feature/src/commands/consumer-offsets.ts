import type { SqlClient } from '@subledger/event-store';
import type { Envelope } from '@subledger/messaging';
import type { LedgerTables } from '../store/ledger-tables';
import type { RowsWrite } from '../store/rows-write';

export interface ConsumerOffsetRow {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  /** The offset to resume from: one past the last message of the batch. */
  readonly nextOffset: number;
}

/** The position a batch leaves each of its partitions at (a batch normally holds one partition). */
export function consumerOffsetsOf(group: string, batch: readonly Envelope<unknown>[]): ConsumerOffsetRow[] {
  const next = new Map<string, ConsumerOffsetRow>();
  for (const { topic, partition, offset } of batch) {
    const key = `${topic}\u0000${partition}`;
    const known = next.get(key);
    if (known === undefined || known.nextOffset <= offset)
      next.set(key, { group, topic, partition, nextOffset: offset + 1 });
  }
  return [...next.values()];
}

/**
 * Kafka offsets committed with the batch's events: after a crash between this commit and Kafka's,
 * a consumer may resume from here instead of from Kafka's older offset. Never moves backwards.
 */
export function upsertConsumerOffsets(tables: LedgerTables, rows: readonly ConsumerOffsetRow[]): RowsWrite {
  return {
    name: 'consumer_offsets',
    columns: [
      { name: 'consumer_group', type: 'text', values: rows.map((row) => row.group) },
      { name: 'topic', type: 'text', values: rows.map((row) => row.topic) },
      { name: 'partition', type: 'integer', values: rows.map((row) => String(row.partition)) },
      { name: 'next_offset', type: 'bigint', values: rows.map((row) => String(row.nextOffset)) },
    ],
    sql: (source) => `INSERT INTO ${tables.consumerOffsets} AS o (consumer_group, topic, partition, next_offset)
      SELECT consumer_group, topic, partition, next_offset FROM ${source}
      ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = GREATEST(o.next_offset, EXCLUDED.next_offset)`,
  };
}

/** The stored resume positions of a group, for a Kafka consumer to seek to on assignment. */
export async function readConsumerOffsets(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  group: string,
): Promise<ConsumerOffsetRow[]> {
  const { rows } = await sql.query<{ topic: string; partition: number; next_offset: string }>(
    `SELECT topic, partition, next_offset::text AS next_offset FROM ${tables.consumerOffsets} WHERE consumer_group = $1
     ORDER BY topic, partition`,
    [group],
  );
  return rows.map((row) => ({
    group,
    topic: row.topic,
    partition: Number(row.partition),
    nextOffset: Number(row.next_offset),
  }));
}
