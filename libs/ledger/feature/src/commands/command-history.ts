import type { LedgerEvent } from '@subledger/contracts';
import type { JsonObject, SqlClient } from '@subledger/event-store';
import type { NumbersAfter } from '@subledger/ledger-domain';
import type { LedgerTables } from '../store/ledger-tables';
import { numbersAfterOf, recordedLedgerEvent } from '../team-state/team-stream';
import type { CommandKey } from './command-identity';
import { findStoredOutcomes, type StoredOutcome } from './processed-commands';

/** An event found by id: what it says, where it stands, and the numbers right after it. */
export interface FoundEvent {
  readonly streamId: string;
  readonly version: bigint;
  readonly event: LedgerEvent;
  readonly after: NumbersAfter;
}

/** What the store holds of some commands' ids: the events recorded under them and the answers given without one. */
export interface CommandHistory {
  /** By event id (see team-event-ids). */
  readonly events: ReadonlyMap<string, FoundEvent>;
  /** By `commandKey`. */
  readonly stored: ReadonlyMap<string, readonly StoredOutcome[]>;
}

export interface HistoryLookUp {
  readonly eventIds: readonly string[];
  readonly commands: readonly CommandKey[];
}

export const NO_HISTORY: CommandHistory = { events: new Map(), stored: new Map() };

/** One query for the events and one for the stored outcomes, each only when something is to be found. */
export async function lookUpHistory(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  lookUp: HistoryLookUp,
): Promise<CommandHistory> {
  if (lookUp.eventIds.length === 0 && lookUp.commands.length === 0) return NO_HISTORY;
  const events = await findEvents(sql, tables, lookUp.eventIds);
  const stored = await findStoredOutcomes(sql, tables, lookUp.commands);
  return { events, stored };
}

async function findEvents(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  eventIds: readonly string[],
): Promise<Map<string, FoundEvent>> {
  const found = new Map<string, FoundEvent>();
  if (eventIds.length === 0) return found;
  const { rows } = await sql.query<{
    event_id: string;
    stream_id: string;
    stream_version: string;
    data: JsonObject;
    metadata: JsonObject;
  }>(
    `SELECT event_id::text AS event_id, stream_id, stream_version::text AS stream_version, data, metadata
     FROM ${tables.events} WHERE event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  for (const row of rows) {
    const recorded = {
      streamId: row.stream_id,
      streamVersion: BigInt(row.stream_version),
      data: row.data,
      metadata: row.metadata,
    };
    found.set(row.event_id, {
      streamId: recorded.streamId,
      version: recorded.streamVersion,
      event: recordedLedgerEvent(recorded),
      after: numbersAfterOf(recorded),
    });
  }
  return found;
}
