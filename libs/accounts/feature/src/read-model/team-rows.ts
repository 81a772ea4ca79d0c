import type { TeamDirectory } from '@subledger/accounts-domain';
import type { TeamListItemView, TeamView } from '@subledger/contracts';
import { epochMsFrom, type Queryable } from './sql-values';
import type { TeamPosition } from './team-cursor';

interface TeamRow {
  [column: string]: unknown;
  id: string;
  name: string;
  currency: string;
  main_account_id: string;
  created_at: string;
}

interface TeamListRow extends TeamRow {
  sub_accounts: string;
}

/** The `accounts_teams` table: a team's name and currency never change after creation. */
export class TeamRows {
  constructor(private readonly schema: string) {}

  async write(db: Queryable, team: TeamDirectory): Promise<void> {
    await db.query(
      `INSERT INTO ${this.schema}.accounts_teams (id, name, currency, main_account_id, created_at)
       VALUES ($1, $2, $3, $4, $5::bigint) ON CONFLICT (id) DO NOTHING`,
      [team.teamId, team.name, team.currency, team.mainAccountId, String(team.createdAt)],
    );
  }

  async find(db: Queryable, teamId: string): Promise<TeamView | null> {
    const { rows } = await db.query<TeamRow>(
      `SELECT id, name, currency, main_account_id, created_at::text FROM ${this.schema}.accounts_teams WHERE id = $1`,
      [teamId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      currency: row.currency,
      mainAccountId: row.main_account_id,
      createdAt: epochMsFrom(row.created_at),
    };
  }

  /**
   * Teams newest first after `after`, at most `count`, each with its live sub-accounts; `search`
   * matches a case-insensitive part of the name or the start of the id (plain text, no pattern).
   */
  async list(
    db: Queryable,
    search: string | null,
    after: TeamPosition | null,
    count: number,
  ): Promise<TeamListItemView[]> {
    const { rows } = await db.query<TeamListRow>(
      `SELECT t.id, t.name, t.currency, t.main_account_id, t.created_at::text,
         (SELECT count(*) FROM ${this.schema}.accounts_projects p WHERE p.team_id = t.id AND p.kind = 'sub' AND p.status <> 'purged')::text AS sub_accounts
       FROM ${this.schema}.accounts_teams t
       WHERE ($1::text IS NULL OR strpos(lower(t.name), lower($1::text)) > 0 OR starts_with(t.id, $1::text))
         AND ($2::bigint IS NULL OR (t.created_at, t.id) < ($2::bigint, $3::text))
       ORDER BY t.created_at DESC, t.id DESC LIMIT $4`,
      [search, after === null ? null : String(after.createdAt), after?.id ?? null, count],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      currency: row.currency,
      mainAccountId: row.main_account_id,
      createdAt: epochMsFrom(row.created_at),
      subAccounts: Number(row.sub_accounts),
    }));
  }
}
