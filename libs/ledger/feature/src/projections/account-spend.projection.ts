import type { SpendStatus } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import type { LedgerTables } from '../store/ledger-tables';

export interface AccountSpendRow {
  readonly teamId: string;
  readonly accountId: string;
  readonly totalSpent: Micros;
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
  readonly streamVersion: bigint;
}

/** One statement for every account whose spend or policy a batch changed; never goes back in version. */
export function upsertAccountSpend(tables: LedgerTables, rows: readonly AccountSpendRow[]): [string, unknown[]] {
  const sql = `INSERT INTO ${tables.accountSpend} AS p (team_id, account_id, total_spent, credit_limit, status, stream_version)
    SELECT team_id, account_id, total_spent::bigint, credit_limit::bigint, status, stream_version::bigint
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
      AS t(team_id, account_id, total_spent, credit_limit, status, stream_version)
    ON CONFLICT (team_id, account_id) DO UPDATE SET total_spent = EXCLUDED.total_spent,
      credit_limit = EXCLUDED.credit_limit, status = EXCLUDED.status, stream_version = EXCLUDED.stream_version
    WHERE p.stream_version < EXCLUDED.stream_version`;
  return [
    sql,
    [
      rows.map((row) => row.teamId),
      rows.map((row) => row.accountId),
      rows.map((row) => row.totalSpent.toString()),
      rows.map((row) => row.creditLimit?.toString() ?? null),
      rows.map((row) => row.status),
      rows.map((row) => row.streamVersion.toString()),
    ],
  ];
}
