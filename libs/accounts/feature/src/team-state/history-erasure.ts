import { eraseAccountEventPersonalData, eraseTeamDirectoryEventPersonalData } from '@subledger/contracts';
import type { EventData, JsonObject, SqlEventStoreTransaction } from '@subledger/event-store';
import { accountEvents, accountStream, teamDirectoryEvents, teamDirectoryStream } from './account-streams';

interface StoredEvent {
  [column: string]: unknown;
  global_position: string;
  stream_id: string;
  type: string;
  data: JsonObject;
}

/**
 * Rewrites the history of a purged account without its personal data, inside the purge's own
 * transaction: its own stream, and the team directory's events about it. The event store has no
 * API for this on purpose (events are immutable to everyone else), so the rows are updated in
 * place. The `AccountPurged` tombstone keeps replays of the erased history equal to the original.
 */
export async function eraseAccountHistory(
  tx: SqlEventStoreTransaction,
  schema: string,
  teamId: string,
  accountId: string,
): Promise<void> {
  const own = await storedEvents(tx, schema, accountStream(accountId), null);
  await rewrite(tx, schema, own, (stored) => {
    const event = accountEvents.decode(stored);
    const erased = eraseAccountEventPersonalData(event);
    return erased === event ? null : accountEvents.encode(erased);
  });
  const directory = await storedEvents(tx, schema, teamDirectoryStream(teamId), accountId);
  await rewrite(tx, schema, directory, (stored) => {
    const event = teamDirectoryEvents.decode(stored);
    const erased = eraseTeamDirectoryEventPersonalData(event, accountId);
    return erased === event ? null : teamDirectoryEvents.encode(erased);
  });
}

/** The stream's events, or only those about `accountId` when it is given. */
async function storedEvents(
  tx: SqlEventStoreTransaction,
  schema: string,
  streamId: string,
  accountId: string | null,
): Promise<StoredEvent[]> {
  const { rows } = await tx.query<StoredEvent>(
    `SELECT global_position::text, stream_id, type, data FROM ${schema}.events
     WHERE stream_id = $1 AND ($2::text IS NULL OR data->>'accountId' = $2) ORDER BY stream_version`,
    [streamId, accountId],
  );
  return rows;
}

async function rewrite(
  tx: SqlEventStoreTransaction,
  schema: string,
  rows: readonly StoredEvent[],
  erase: (stored: { type: string; data: JsonObject; streamId: string }) => EventData | null,
): Promise<void> {
  for (const row of rows) {
    const erased = erase({ type: row.type, data: row.data, streamId: row.stream_id });
    if (erased === null) continue;
    await tx.query(`UPDATE ${schema}.events SET data = $2::jsonb WHERE global_position = $1::bigint`, [
      row.global_position,
      JSON.stringify(erased.data),
    ]);
  }
}
