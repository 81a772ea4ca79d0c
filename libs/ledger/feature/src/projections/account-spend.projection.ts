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
    columns: [
      { name: 'team_id', type: 'text', values: rows.map((row) => row.teamId) },
      { name: 'account_id', type: 'text', values: rows.map((row) => row.accountId) },
      { name: 'total_spent', type: 'bigint', values: rows.map((row) => row.totalSpent.toString()) },
      { name: 'credit_limit', type: 'bigint', values: rows.map((row) => row.creditLimit?.toString() ?? null) },
      { name: 'status', type: 'text', values: rows.map((row) => row.status) },
      { name: 'stream_version', type: 'bigint', values: rows.map((row) => row.streamVersion.toString()) },
    ],
    sql: (
      source,
    ) => `INSERT INTO ${tables.accountSpend} AS p (team_id, account_id, total_spent, credit_limit, status, stream_version)
      SELECT team_id, account_id, total_spent, credit_limit, status, stream_version FROM ${source}
      ON CONFLICT (team_id, account_id) DO UPDATE SET total_spent = EXCLUDED.total_spent,
        credit_limit = EXCLUDED.credit_limit, status = EXCLUDED.status, stream_version = EXCLUDED.stream_version
      WHERE p.stream_version < EXCLUDED.stream_version`,
  };
}
