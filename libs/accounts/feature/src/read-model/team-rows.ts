import type { TeamDirectory } from '@subledger/accounts-domain';
import type { TeamView } from '@subledger/contracts';
import { epochMsFrom, type Queryable } from './sql-values';

interface TeamRow {
  [column: string]: unknown;
  id: string;
  name: string;
  currency: string;
  main_account_id: string;
  created_at: string;
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
    return { id: row.id, name: row.name, currency: row.currency, mainAccountId: row.main_account_id, createdAt: epochMsFrom(row.created_at) };
  }
}
