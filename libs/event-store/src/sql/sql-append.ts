import { randomUUID } from 'node:crypto';
import { assertValidAppends } from '../append-request';
import { DuplicateEventIdError } from '../duplicate-event-id.error';
import type { AppendResult, StreamAppend, StreamVersion } from '../event-store.port';
import { expectedVersionMatches, versionAfter } from '../expected-version';
import { WrongExpectedVersionError } from '../wrong-expected-version.error';
import type { EventStoreStatements } from './event-store-statements.sql';
import { insertColumns } from './insert-columns';
import type { SqlClient } from './sql-client';
import { isUniqueViolation, violatedKeyValue } from './sql-errors';

export interface AppendContext {
  statements: EventStoreStatements;
  /** The append lock's key; null where transactions never overlap (one connection), so there is nothing to order. */
  lockKey: string | null;
}

/**
 * Appends to several streams in the caller's open transaction: all of them or, when one expected
 * version is wrong, none. Three round trips whatever the number of streams and events (two
 * without the lock).
 */
export async function appendInTransaction(
  tx: SqlClient,
  { statements, lockKey }: AppendContext,
  appends: readonly StreamAppend[],
): Promise<AppendResult[]> {
  assertValidAppends(appends);
  if (lockKey !== null) await tx.query(statements.appendLock, [lockKey]);
  const actual = await streamVersions(tx, statements, appends);
  for (const { streamId, expectedVersion } of appends) {
    const version = actual.get(streamId) ?? 'no_stream';
    if (!expectedVersionMatches(expectedVersion, version)) {
      throw new WrongExpectedVersionError(streamId, expectedVersion, version);
    }
  }
  const lastPositions = await insertEvents(tx, statements, insertColumns(appends, actual, randomUUID));
  return appends.map(({ streamId, events }) => ({
    nextExpectedVersion: versionAfter(actual.get(streamId) ?? 'no_stream', events.length),
    lastGlobalPosition: lastPositions.get(streamId) as bigint,
  }));
}

async function streamVersions(
  tx: SqlClient,
  statements: EventStoreStatements,
  appends: readonly StreamAppend[],
): Promise<Map<string, StreamVersion>> {
  const { rows } = await tx.query<{ stream_id: string; stream_version: string }>(statements.streamVersions, [
    appends.map((append) => append.streamId),
  ]);
  return new Map(rows.map((row) => [row.stream_id, BigInt(row.stream_version)]));
}

async function insertEvents(
  tx: SqlClient,
  statements: EventStoreStatements,
  columns: unknown[],
): Promise<Map<string, bigint>> {
  try {
    const { rows } = await tx.query<{ stream_id: string; last_position: string }>(statements.insertEvents, columns);
    return new Map(rows.map((row) => [row.stream_id, BigInt(row.last_position)]));
  } catch (error) {
    if (isUniqueViolation(error, 'events_event_id_key')) throw new DuplicateEventIdError(violatedKeyValue(error));
    throw error;
  }
}
