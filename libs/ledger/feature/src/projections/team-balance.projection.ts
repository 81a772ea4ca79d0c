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
    columns: [
      { name: 'team_id', type: 'text', values: rows.map((row) => row.teamId) },
      { name: 'currency', type: 'text', values: rows.map((row) => row.currency) },
      { name: 'balance', type: 'bigint', values: rows.map((row) => row.balance.toString()) },
      { name: 'stream_version', type: 'bigint', values: rows.map((row) => row.streamVersion.toString()) },
    ],
    sql: (source) => `INSERT INTO ${tables.teamBalances} AS p (team_id, currency, balance, stream_version)
      SELECT team_id, currency, balance, stream_version FROM ${source}
      ON CONFLICT (team_id) DO UPDATE SET balance = EXCLUDED.balance, stream_version = EXCLUDED.stream_version
      WHERE p.stream_version < EXCLUDED.stream_version`,
  };
}
