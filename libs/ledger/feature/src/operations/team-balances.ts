import type { SqlClient } from '@subledger/event-store';
import type { Micros } from '@subledger/money';
import { ledgerTables } from '../store/ledger-tables';

export type BalancesStore = { readonly sql: Pick<SqlClient, 'query'>; readonly quotedSchema: string };

/** The balances of the teams the ledger holds among `teamIds` (a team it never opened has none). */
export async function teamBalancesOf(store: BalancesStore, teamIds: readonly string[]): Promise<Map<string, Micros>> {
  const { rows } = await store.sql.query<{ team_id: string; balance: string }>(
    `SELECT team_id, balance::text FROM ${ledgerTables(store.quotedSchema).teamBalances} WHERE team_id = ANY($1::text[])`,
    [teamIds],
  );
  return new Map(rows.map((row) => [row.team_id, BigInt(row.balance)]));
}
