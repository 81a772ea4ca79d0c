import type { LedgerOutcome } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';
import { type CommandIdentity, identityKey } from './command-identity';
import type { RowsWrite } from '../store/rows-write';
import { outcomeAsJson, outcomeFromJson } from './outcome-json';

export interface ProcessedCommandRow {
  readonly identity: CommandIdentity;
  readonly outcome: LedgerOutcome;
}

/** The stored outcomes of those of `identities` processed before, by identity key; one query. */
export async function findProcessedOutcomes(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  identities: readonly CommandIdentity[],
): Promise<Map<string, LedgerOutcome>> {
  const found = new Map<string, LedgerOutcome>();
  if (identities.length === 0) return found;
  const { rows } = await sql.query<{ team_id: string; command_id: string; command_digest: string; outcome: string }>(
    `SELECT p.team_id, p.command_id, p.command_digest, p.outcome::text AS outcome
     FROM unnest($1::text[], $2::text[], $3::text[]) AS k(team_id, command_id, command_digest)
     JOIN ${tables.processedCommands} p USING (team_id, command_id, command_digest)`,
    [identities.map((i) => i.teamId), identities.map((i) => i.commandId), identities.map((i) => i.digest)],
  );
  for (const row of rows) {
    const identity = { teamId: row.team_id, commandId: row.command_id, digest: row.command_digest };
    found.set(identityKey(identity), outcomeFromJson(row.outcome));
  }
  return found;
}

/**
 * Inserts (never upserts) the outcomes of a batch: a row already there means another writer
 * processed the command meanwhile, and the batch must fail rather than answer twice.
 */
export function insertProcessedCommands(tables: LedgerTables, rows: readonly ProcessedCommandRow[], processedAt: number): RowsWrite {
  const at = new Date(processedAt).toISOString();
  return {
    name: 'processed_commands',
    sql: (rowsParam) => `INSERT INTO ${tables.processedCommands} (team_id, command_id, command_digest, outcome, refused, processed_at)
      SELECT team_id, command_id, command_digest, outcome, refused, processed_at
      FROM jsonb_to_recordset(${rowsParam})
        AS t(team_id text, command_id text, command_digest text, outcome jsonb, refused boolean, processed_at timestamptz)`,
    rows: rows.map(({ identity, outcome }) => ({
      team_id: identity.teamId,
      command_id: identity.commandId,
      command_digest: identity.digest,
      outcome: outcomeAsJson(outcome),
      refused: outcome.type === 'refused',
      processed_at: at,
    })),
  };
}

/** The ids of the commands of these teams that were refused without an event, by team; one query. */
export async function findRefusedCommandIds(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  teamIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const refused = new Map<string, Set<string>>(teamIds.map((teamId) => [teamId, new Set()]));
  if (teamIds.length === 0) return refused;
  const { rows } = await sql.query<{ team_id: string; command_id: string }>(
    `SELECT team_id, command_id FROM ${tables.processedCommands} WHERE refused AND team_id = ANY($1::text[])`,
    [teamIds],
  );
  for (const row of rows) refused.get(row.team_id)?.add(row.command_id);
  return refused;
}
