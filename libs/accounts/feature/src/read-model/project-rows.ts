import type { DeletionSchedule, LiveAccount, PurgedAccount } from '@subledger/accounts-domain';
import {
  type AccountKind,
  type AccountMetadata,
  type AccountStatus,
  type AccountView,
  ERASED_NAME,
} from '@subledger/contracts';
import { bigintParam, epochMsFrom, epochMsOrNull, jsonParam, microsOrNull, type Queryable } from './sql-values';

export interface ProjectRow {
  [column: string]: unknown;
  seq: string;
  id: string;
  team_id: string;
  kind: AccountKind;
  name: string;
  external_id: string | null;
  status: AccountStatus;
  credit_limit: string | null;
  metadata: AccountMetadata | null;
  created_at: string;
  delete_at: string | null;
}

const COLUMNS = `seq::text, id, team_id, kind, name, external_id, status, credit_limit::text, metadata,
  created_at::text, delete_at::text`;
// `seq::text` is an output column named `seq`, and a bare ORDER BY name means the output column
// first: ordering must name the table's bigint column (`p.seq`), or 10 sorts before 2.

/** The `accounts_projects` table: one row per main or sub-account, written from its decided state. */
export class ProjectRows {
  constructor(private readonly schema: string) {}

  /** Writes the row as the state says; the insert gives a new project its place in creation order. */
  async write(db: Queryable, state: LiveAccount | PurgedAccount): Promise<void> {
    const row = rowValues(state);
    await db.query(
      `INSERT INTO ${this.schema}.accounts_projects
        (id, team_id, kind, name, external_id, status, credit_limit, metadata, created_at, delete_at, deletion_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, $8::json, $9::bigint, $10::bigint, $11::bigint)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, external_id = EXCLUDED.external_id,
         status = EXCLUDED.status, credit_limit = EXCLUDED.credit_limit, metadata = EXCLUDED.metadata,
         delete_at = EXCLUDED.delete_at, deletion_due_at = EXCLUDED.deletion_due_at`,
      row,
    );
  }

  async find(db: Queryable, teamId: string, accountId: string): Promise<ProjectRow | null> {
    const { rows } = await db.query<ProjectRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_projects WHERE id = $1 AND team_id = $2`,
      [accountId, teamId],
    );
    return rows[0] ?? null;
  }

  /** Every project of the team, purged ones included, in creation order. */
  async ofTeam(db: Queryable, teamId: string): Promise<ProjectRow[]> {
    const { rows } = await db.query<ProjectRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_projects p WHERE team_id = $1 ORDER BY p.seq`,
      [teamId],
    );
    return rows;
  }

  /** Live sub-accounts created after `afterSeq`, at most `count`. */
  async subAccountsAfter(db: Queryable, teamId: string, afterSeq: string, count: number): Promise<ProjectRow[]> {
    const { rows } = await db.query<ProjectRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_projects p
       WHERE team_id = $1 AND kind = 'sub' AND status <> 'purged' AND seq > $2::bigint
       ORDER BY p.seq LIMIT $3`,
      [teamId, afterSeq, count],
    );
    return rows;
  }

  /** Projects with a deletion reminder or purge due at `at`. */
  async deletionsDue(db: Queryable, at: number): Promise<{ team_id: string; id: string }[]> {
    const { rows } = await db.query<{ team_id: string; id: string }>(
      `SELECT team_id, id FROM ${this.schema}.accounts_projects
       WHERE deletion_due_at IS NOT NULL AND deletion_due_at <= $1::bigint ORDER BY deletion_due_at, seq`,
      [String(at)],
    );
    return rows;
  }
}

export function accountViewOf(row: ProjectRow): AccountView {
  return {
    id: row.id,
    teamId: row.team_id,
    kind: row.kind,
    name: row.name,
    externalId: row.external_id,
    status: row.status,
    creditLimit: microsOrNull(row.credit_limit),
    metadata: row.metadata,
    createdAt: epochMsFrom(row.created_at),
    deleteAt: epochMsOrNull(row.delete_at),
  };
}

function rowValues(state: LiveAccount | PurgedAccount): unknown[] {
  const { accountId, teamId, kind, createdAt } = state;
  const identity = [accountId, teamId, kind];
  if (state.status === 'purged') {
    return [...identity, ERASED_NAME, null, 'purged', null, null, String(createdAt), null, null];
  }
  const pending = state.status === 'pending_deletion' ? state.deletion : null;
  return [
    ...identity,
    state.name,
    state.externalId,
    state.status,
    bigintParam(state.creditLimit),
    jsonParam(state.metadata),
    String(createdAt),
    pending && String(pending.deleteAt),
    pending && String(nextDeletionStep(pending)),
  ];
}

/** When the sweep next has work for a pending deletion: the first unrecorded reminder, or the purge. */
function nextDeletionStep(deletion: DeletionSchedule): number {
  const unrecorded = deletion.reminders
    .filter((reminder) => reminder.recordedAt === null)
    .map((reminder) => reminder.dueAt);
  return Math.min(deletion.deleteAt, ...unrecorded);
}
