import type { Micros } from '@subledger/money';
import type { LedgerTables } from '../store/ledger-tables';
import type { RowsWrite } from '../store/rows-write';

export interface TeamBalanceRow {
  readonly teamId: string;
  readonly currency: string;
  readonly balance: Micros;
  readonly streamVersion: bigint;
}

/**
 * Every team of a batch at once. The row keeps the stream version it reflects and never goes
 * back to an older one, so writing a projection again is harmless.
 */
export function upsertTeamBalances(tables: LedgerTables, rows: readonly TeamBalanceRow[]): RowsWrite {
  return {
    name: 'team_balances',
    sql: (rowsParam) => `INSERT INTO ${tables.teamBalances} AS p (team_id, currency, balance, stream_version)
      SELECT team_id, currency, balance, stream_version
      FROM jsonb_to_recordset(${rowsParam}) AS t(team_id text, currency text, balance bigint, stream_version bigint)
      ON CONFLICT (team_id) DO UPDATE SET balance = EXCLUDED.balance, stream_version = EXCLUDED.stream_version
      WHERE p.stream_version < EXCLUDED.stream_version`,
    rows: rows.map((row) => ({
      team_id: row.teamId,
      currency: row.currency,
      balance: row.balance.toString(),
      stream_version: row.streamVersion.toString(),
    })),
  };
}
