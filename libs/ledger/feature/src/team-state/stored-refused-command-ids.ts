import type { SqlClient } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';
import { RefusedCommandIds } from './refused-command-ids';

/**
 * The ids of the commands of these teams that were refused without an event, up to `limit` per
 * team (one more, and the team is marked as having forgotten some); one query.
 */
export async function findRefusedCommandIds(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  teamIds: readonly string[],
  limit: number,
): Promise<Map<string, RefusedCommandIds>> {
  const refused = new Map<string, RefusedCommandIds>(teamIds.map((teamId) => [teamId, new RefusedCommandIds(limit)]));
  if (teamIds.length === 0) return refused;
  const { rows } = await sql.query<{ team_id: string; command_id: string }>(
    `SELECT t.team_id, r.command_id FROM unnest($1::text[]) AS t(team_id)
     CROSS JOIN LATERAL (
       SELECT p.command_id FROM ${tables.processedCommands} p WHERE p.refused AND p.team_id = t.team_id LIMIT $2::integer
     ) AS r`,
    [teamIds, limit + 1],
  );
  for (const row of rows) refused.get(row.team_id)?.add(row.command_id);
  return refused;
}
