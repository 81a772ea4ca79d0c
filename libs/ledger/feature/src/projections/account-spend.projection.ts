import type { SpendStatus } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import type { LedgerTables } from '../store/ledger-tables';
import type { RowsWrite } from '../store/rows-write';

export interface AccountSpendRow {
  readonly teamId: string;
  readonly accountId: string;
  readonly totalSpent: Micros;
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
  readonly streamVersion: bigint;
}

/** Every account whose spend or policy a batch changed, at once; never goes back in version. */
export function upsertAccountSpend(tables: LedgerTables, rows: readonly AccountSpendRow[]): RowsWrite {
  return {
    name: 'account_spend',
    sql: (rowsParam) => `INSERT INTO ${tables.accountSpend} AS p (team_id, account_id, total_spent, credit_limit, status, stream_version)
      SELECT team_id, account_id, total_spent, credit_limit, status, stream_version
      FROM jsonb_to_recordset(${rowsParam})
        AS t(team_id text, account_id text, total_spent bigint, credit_limit bigint, status text, stream_version bigint)
      ON CONFLICT (team_id, account_id) DO UPDATE SET total_spent = EXCLUDED.total_spent,
        credit_limit = EXCLUDED.credit_limit, status = EXCLUDED.status, stream_version = EXCLUDED.stream_version
      WHERE p.stream_version < EXCLUDED.stream_version`,
    rows: rows.map((row) => ({
      team_id: row.teamId,
      account_id: row.accountId,
      total_spent: row.totalSpent.toString(),
      credit_limit: row.creditLimit?.toString() ?? null,
      status: row.status,
      stream_version: row.streamVersion.toString(),
    })),
  };
}
