import { replyOk } from '@subledger/contracts';
import type { LedgerQuery, LedgerQueryReply, TeamSummaryView } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';

type GetTeamSummaries = Extract<LedgerQuery, { type: 'GetTeamSummaries' }>;

interface SummaryRow {
  [column: string]: unknown;
  team_id: string;
  currency: string;
  balance: string;
  spend: string;
}

/**
 * Each known team's balance (the inline projection, exact) and its spend since `spendSince` (the
 * usage projection's hours from that one on, a moment behind), in one query, in the order asked.
 */
export async function getTeamSummaries(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  { teamIds, spendSince }: GetTeamSummaries,
): Promise<LedgerQueryReply<'GetTeamSummaries'>> {
  const { rows } = await sql.query<SummaryRow>(
    `SELECT t.team_id, t.currency, t.balance::text AS balance,
       coalesce((SELECT sum(u.spend) FROM ${tables.usageHourly} u WHERE u.team_id = t.team_id AND u.hour_start >= $2::bigint), 0)::text AS spend
     FROM ${tables.teamBalances} t WHERE t.team_id = ANY($1::text[])`,
    [teamIds, String(spendSince)],
  );
  const found = new Map(rows.map((row) => [row.team_id, row]));
  const teams: TeamSummaryView[] = teamIds.flatMap((teamId) => {
    const row = found.get(teamId);
    return row === undefined
      ? []
      : [{ teamId, currency: row.currency, balance: BigInt(row.balance), spend: BigInt(row.spend) }];
  });
  return replyOk({ teams });
}
