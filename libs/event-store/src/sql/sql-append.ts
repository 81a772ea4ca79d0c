import { randomUUID } from 'node:crypto';
import { assertValidAppends } from '../append-request';
import { DuplicateEventIdError } from '../duplicate-event-id.error';
import type { AppendResult, StreamAppend, StreamVersion } from '../event-store.port';
import { versionAfter } from '../expected-version';
import { allAnswered } from './all-answered';
import { type AppendColumns, appendColumns } from './append-columns';
import type { EventStoreStatements } from './event-store-statements.sql';
import type { SqlClient } from './sql-client';
import { asWrongExpectedVersion, isUniqueViolation, violatedKeyValue } from './sql-errors';

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

/** An append whose statement is built (and its appends checked): `send` sends it in the transaction. */
export interface PreparedAppend {
  send(): Promise<AppendResult[]>;
}

/**
 * Appends to several streams in the caller's open transaction: all of them or, when one expected
 * version is wrong, none. One round trip whatever the number of streams and events: the lock and
 * the append are sent side by side, and the connection runs them in order. Where every statement
 * crosses to another thread or process, a transaction holds the connection for each round trip it
 * waits on.
 */
export async function appendInTransaction(
  tx: SqlClient,
  context: AppendContext,
  appends: readonly StreamAppend[],
): Promise<AppendResult[]> {
  return prepareAppend(tx, context, appends).send();
}

/**
 * Checks the appends and builds their statement now, throwing at once if either fails, and sends
 * nothing until `send`: a transaction that sends its COMMIT without waiting for answers (see
 * SentTransactions) prepares everything before its first statement leaves. The statement checks
 * every expected version in SQL and fails on a conflict (wrong_expected_version), so it rolls back
 * such a transaction too.
 */
export function prepareAppend(
  tx: SqlClient,
  { statements, lockKey }: AppendContext,
  appends: readonly StreamAppend[],
): PreparedAppend {
  assertValidAppends(appends);
  const columns = appendColumns(appends, randomUUID);
  return {
    async send() {
      const locked = lockKey === null ? Promise.resolve() : tx.query(statements.appendLock, [lockKey]);
      const [, rows] = await allAnswered([locked, appendEvents(tx, statements.appendEvents, columns, appends)]);
      return results(appends, rows);
    },
  };
}

function results(appends: readonly StreamAppend[], rows: readonly AppendRow[]): AppendResult[] {
  const found = new Map(rows.map((row) => [row.stream_id, row]));
  return appends.map(({ streamId, events }): AppendResult => {
    const row = found.get(streamId);
    if (row?.last_position == null)
      throw new Error(`The append to ${streamId} passed its version check but wrote nothing`);
    const actual: StreamVersion = row.previous_version === null ? 'no_stream' : BigInt(row.previous_version);
    return { nextExpectedVersion: versionAfter(actual, events.length), lastGlobalPosition: BigInt(row.last_position) };
  });
}

async function appendEvents(
  tx: SqlClient,
  statement: string,
  columns: AppendColumns,
  appends: readonly StreamAppend[],
): Promise<AppendRow[]> {
  try {
    return (await tx.query<AppendRow>(statement, columns)).rows;
  } catch (error) {
    if (isUniqueViolation(error, 'events_event_id_key')) throw new DuplicateEventIdError(violatedKeyValue(error));
    throw asWrongExpectedVersion(
      error,
      (streamId) => appends.find((append) => append.streamId === streamId)?.expectedVersion,
    );
  }
}
