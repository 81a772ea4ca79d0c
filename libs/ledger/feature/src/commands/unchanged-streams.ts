import { type SqlEventStoreTransaction, WrongExpectedVersionError } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';
import { expectedVersionOf, NO_EVENTS } from '../team-state/team-ledger';

/** A stream a batch decided commands on without appending to it, at the version those decisions read. */
export interface UnchangedStream {
  readonly streamId: string;
  readonly version: bigint;
}

/**
 * Throws WrongExpectedVersionError, as a failed append does, when one of the streams has moved past
 * the version the batch read. An append checks its expected version itself; a decision that appends
 * nothing (a refusal without an event, a policy already in force) is checked here. Without it, a
 * writer that still holds a team's old state (its partition went to another replica and came back)
 * would store and answer a verdict that the other writer's events contradict.
 */
export async function assertStreamsUnchanged(
  tx: Pick<SqlEventStoreTransaction, 'query' | 'lockAppends'>,
  tables: LedgerTables,
  streams: readonly UnchangedStream[],
): Promise<void> {
  if (streams.length === 0) return;
  // Under the append lock, as an append's own check is: no other writer can move a stream between
  // this read and the commit.
  await tx.lockAppends();
  const { rows } = await tx.query<{ stream_id: string; expected: string; actual: string | null }>(
    `SELECT k.stream_id, k.expected::text AS expected, s.stream_version::text AS actual
     FROM unnest($1::text[], $2::bigint[]) AS k(stream_id, expected)
     LEFT JOIN ${tables.streams} s USING (stream_id)
     WHERE coalesce(s.stream_version, ${NO_EVENTS}) <> k.expected
     LIMIT 1`,
    [streams.map((stream) => stream.streamId), streams.map((stream) => stream.version.toString())],
  );
  const [moved] = rows;
  if (moved === undefined) return;
  const actual = moved.actual === null ? 'no_stream' : BigInt(moved.actual);
  throw new WrongExpectedVersionError(moved.stream_id, expectedVersionOf(BigInt(moved.expected)), actual);
}
