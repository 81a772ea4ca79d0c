import type { LedgerOutcome } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';
import type { RowsWrite } from '../store/rows-write';
import { type CommandIdentity, type CommandKey, commandKey } from './command-identity';
import { outcomeFromJson, outcomeToJson } from './outcome-json';

/**
 * The answer of a command that recorded no event, kept so that the same command sent again gets it
 * again. A command that recorded an event needs no row: the event is its record (see README).
 */
export interface ProcessedCommandRow {
  readonly identity: CommandIdentity;
  readonly outcome: LedgerOutcome;
}

export interface StoredOutcome {
  readonly digest: string;
  readonly outcome: LedgerOutcome;
}

/** The outcomes stored for these commands' ids, whatever their digests, by `commandKey`; one query. */
export async function findStoredOutcomes(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  keys: readonly CommandKey[],
): Promise<Map<string, StoredOutcome[]>> {
  const found = new Map<string, StoredOutcome[]>();
  if (keys.length === 0) return found;
  const { rows } = await sql.query<{ team_id: string; command_id: string; command_digest: string; outcome: string }>(
    `SELECT p.team_id, p.command_id, p.command_digest, p.outcome::text AS outcome
     FROM unnest($1::text[], $2::text[]) AS k(team_id, command_id)
     JOIN ${tables.processedCommands} p USING (team_id, command_id)`,
    [keys.map((key) => key.teamId), keys.map((key) => key.commandId)],
  );
  for (const row of rows) {
    const key = commandKey(row.team_id, row.command_id);
    const stored = found.get(key) ?? [];
    stored.push({ digest: row.command_digest, outcome: outcomeFromJson(row.outcome) });
    found.set(key, stored);
  }
  return found;
}

/**
 * Inserts (never upserts) the outcomes of a batch: a row already there means another writer
 * processed the command meanwhile, and the batch must fail rather than answer twice.
 */
export function insertProcessedCommands(
  tables: LedgerTables,
  rows: readonly ProcessedCommandRow[],
  processedAt: number,
): RowsWrite {
  const at = new Date(processedAt).toISOString();
  return {
    name: 'processed_commands',
    columns: [
      { name: 'team_id', type: 'text', values: rows.map(({ identity }) => identity.teamId) },
      { name: 'command_id', type: 'text', values: rows.map(({ identity }) => identity.commandId) },
      { name: 'command_digest', type: 'text', values: rows.map(({ identity }) => identity.digest) },
      { name: 'outcome', type: 'text', values: rows.map(({ outcome }) => outcomeToJson(outcome)) },
      { name: 'refused', type: 'boolean', values: rows.map(({ outcome }) => String(outcome.type === 'refused')) },
      { name: 'processed_at', type: 'timestamptz', values: rows.map(() => at) },
    ],
    sql: (
      source,
    ) => `INSERT INTO ${tables.processedCommands} (team_id, command_id, command_digest, outcome, refused, processed_at)
      SELECT team_id, command_id, command_digest, outcome::jsonb, refused, processed_at FROM ${source}`,
  };
}
