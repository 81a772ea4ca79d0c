import type { Micros } from '@subledger/money';
import type { LedgerTables } from '../store/ledger-tables';

export interface TeamBalanceRow {
  readonly teamId: string;
  readonly currency: string;
  readonly balance: Micros;
  readonly streamVersion: bigint;
}

/**
 * One statement for every team of a batch. The row keeps the stream version it reflects and never
 * goes back to an older one, so writing a projection again is harmless.
 */
export function upsertTeamBalances(tables: LedgerTables, rows: readonly TeamBalanceRow[]): [string, unknown[]] {
  const sql = `INSERT INTO ${tables.teamBalances} AS p (team_id, currency, balance, stream_version)
    SELECT team_id, currency, balance::bigint, stream_version::bigint
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(team_id, currency, balance, stream_version)
    ON CONFLICT (team_id) DO UPDATE SET balance = EXCLUDED.balance, stream_version = EXCLUDED.stream_version
    WHERE p.stream_version < EXCLUDED.stream_version`;
  return [
    sql,
    [
      rows.map((row) => row.teamId),
      rows.map((row) => row.currency),
      rows.map((row) => row.balance.toString()),
      rows.map((row) => row.streamVersion.toString()),
    ],
  ];
}
