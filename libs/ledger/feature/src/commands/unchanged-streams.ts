import { allAnswered, asWrongExpectedVersion, type SqlEventStoreTransaction } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';
import { expectedVersionOf, NO_EVENTS } from '../team-state/team-ledger';

/** A stream a batch decided commands on without appending to it, at the version those decisions read. */
export interface UnchangedStream {
  readonly streamId: string;
  readonly version: bigint;
}

/**
 * Fails with WrongExpectedVersionError, as a failed append does, when one of the streams has moved
 * past the version the batch read. An append checks its expected version itself; a decision that
 * appends nothing (a refusal without an event, a policy already in force) is checked here. Without
 * it, a writer that still holds a team's old state (its partition went to another replica and came
 * back) would store and answer a verdict that the other writer's events contradict. The check is a
 * statement that raises the store's conflict error, so it holds in a transaction that sends its
 * COMMIT without waiting for the answer; it is sent beside the append lock, as an append's own
 * check is under it: no other writer can move a stream between this read and the commit.
 */
export async function assertStreamsUnchanged(
  tx: Pick<SqlEventStoreTransaction, 'query' | 'lockAppends'>,
  tables: LedgerTables,
  streams: readonly UnchangedStream[],
): Promise<void> {
  if (streams.length === 0) return;
  const locked = tx.lockAppends();
  const checked = tx.query(
    `SELECT bool_and(CASE WHEN coalesce(s.stream_version, ${NO_EVENTS}) = k.expected THEN true
       ELSE ${tables.wrongExpectedVersion}(k.stream_id, CASE WHEN k.expected = ${NO_EVENTS} THEN 'no_stream' ELSE k.expected::text END, s.stream_version)
       END) AS unchanged
     FROM unnest($1::text[], $2::bigint[]) AS k(stream_id, expected)
     LEFT JOIN ${tables.streams} s USING (stream_id)`,
    [streams.map((stream) => stream.streamId), streams.map((stream) => stream.version.toString())],
  );
  const expectedOf = (streamId: string) => {
    const stream = streams.find((candidate) => candidate.streamId === streamId);
    return stream && expectedVersionOf(stream.version);
  };
  await allAnswered([
    locked,
    checked.catch((error: unknown) => Promise.reject(asWrongExpectedVersion(error, expectedOf))),
  ]);
}
