import { randomUUID } from 'node:crypto';
import { assertValidAppends } from '../append-request';
import { DuplicateEventIdError } from '../duplicate-event-id.error';
import type { AppendResult, StreamAppend, StreamVersion } from '../event-store.port';
import { expectedVersionMatches, versionAfter } from '../expected-version';
import { WrongExpectedVersionError } from '../wrong-expected-version.error';
import { appendColumns } from './append-columns';
import type { EventStoreStatements } from './event-store-statements.sql';
import type { SqlClient } from './sql-client';
import { isUniqueViolation, violatedKeyValue } from './sql-errors';

export interface AppendContext {
  statements: EventStoreStatements;
  /** The append lock's key; null where transactions never overlap (one connection), so there is nothing to order. */
  lockKey: string | null;
}

interface AppendRow {
  [column: string]: unknown;
  stream_id: string;
  previous_version: string | null;
  last_position: string | null;
}

/**
 * Appends to several streams in the caller's open transaction: all of them or, when one expected
 * version is wrong, none (the statement checks every version before it inserts anything). One
 * round trip whatever the number of streams and events: the lock and the append are sent side by
 * side, and the connection runs them in order. Where every statement crosses to another thread or
 * process, a transaction holds the connection for each round trip it waits on.
 */
export async function appendInTransaction(
  tx: SqlClient,
  { statements, lockKey }: AppendContext,
  appends: readonly StreamAppend[],
): Promise<AppendResult[]> {
  assertValidAppends(appends);
  const locked = lockKey === null ? Promise.resolve() : tx.query(statements.appendLock, [lockKey]);
  const appended = appendEvents(tx, statements, appends);
  const [lock, rows] = await Promise.allSettled([locked, appended]);
  if (lock.status === 'rejected') throw lock.reason;
  if (rows.status === 'rejected') throw rows.reason;
  const found = new Map(rows.value.map((row) => [row.stream_id, row]));
  const actual = (streamId: string): StreamVersion => {
    const previous = found.get(streamId)?.previous_version;
    return previous == null ? 'no_stream' : BigInt(previous);
  };
  for (const { streamId, expectedVersion } of appends) {
    const version = actual(streamId);
    if (!expectedVersionMatches(expectedVersion, version)) throw new WrongExpectedVersionError(streamId, expectedVersion, version);
  }
  const results = appends.map(({ streamId, events }): AppendResult => {
    const lastPosition = found.get(streamId)?.last_position;
    if (lastPosition == null) throw new Error(`The append to ${streamId} matched its expected version but wrote nothing`);
    return { nextExpectedVersion: versionAfter(actual(streamId), events.length), lastGlobalPosition: BigInt(lastPosition) };
  });
  return results;
}

async function appendEvents(tx: SqlClient, statements: EventStoreStatements, appends: readonly StreamAppend[]): Promise<AppendRow[]> {
  try {
    return (await tx.query<AppendRow>(statements.appendEvents, appendColumns(appends, randomUUID))).rows;
  } catch (error) {
    if (isUniqueViolation(error, 'events_event_id_key')) throw new DuplicateEventIdError(violatedKeyValue(error));
    throw error;
  }
}
