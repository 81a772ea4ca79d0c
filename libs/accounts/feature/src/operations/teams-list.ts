import type { SqlClient } from '@subledger/event-store';

/** A team as the operator CLI lists it, from the accounts read model. */
export interface TeamListing {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  /** Sub-accounts not purged. */
  readonly subAccounts: number;
  /** Epoch ms. */
  readonly createdAt: number;
}

export type TeamsStore = { readonly sql: Pick<SqlClient, 'query'>; readonly quotedSchema: string };

interface TeamListingRow {
  [column: string]: unknown;
  id: string;
  name: string;
  currency: string;
  sub_accounts: string;
  created_at: string;
}

/**
 * Every team, oldest first, a page at a time (keyset on creation time and id), each with its number
 * of live sub-accounts: memory holds one page however many teams there are.
 */
export async function* listTeams(store: TeamsStore, pageSize = 500): AsyncGenerator<TeamListing[]> {
  let after: [string, string] | null = null;
  for (;;) {
    const { rows }: { rows: TeamListingRow[] } = await store.sql.query<TeamListingRow>(
      `SELECT t.id, t.name, t.currency, t.created_at::text,
         (SELECT count(*) FROM ${store.quotedSchema}.accounts_projects p WHERE p.team_id = t.id AND p.kind = 'sub' AND p.status <> 'purged')::text AS sub_accounts
       FROM ${store.quotedSchema}.accounts_teams t
       WHERE $1::bigint IS NULL OR (t.created_at, t.id) > ($1::bigint, $2::text)
       ORDER BY t.created_at, t.id LIMIT ${pageSize}`,
      after ?? [null, null],
    );
    if (rows.length > 0) {
      yield rows.map((row) => ({ id: row.id, name: row.name, currency: row.currency, subAccounts: Number(row.sub_accounts), createdAt: Number(row.created_at) }));
    }
    if (rows.length < pageSize) return;
    const last: TeamListingRow = rows[rows.length - 1];
    after = [last.created_at, last.id];
  }
}
