import type { ApiKey } from '@subledger/accounts-domain';
import type { AccountKind, AccountStatus, ApiKeyEnvironment, ApiKeyView, KeyIdentity } from '@subledger/contracts';
import { epochMsFrom, epochMsOrNull, jsonParam, type Queryable } from './sql-values';

export interface ApiKeyRow {
  [column: string]: unknown;
  id: string;
  account_id: string;
  name: string;
  prefix: string;
  environment: ApiKeyEnvironment;
  permissions: string[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface IdentityRow {
  [column: string]: unknown;
  id: string;
  account_id: string;
  team_id: string;
  environment: ApiKeyEnvironment;
  digest: string;
  revoked_at: string | null;
  kind: AccountKind;
  status: AccountStatus;
}

const COLUMNS = `id, account_id, name, prefix, environment, permissions, created_at::text, last_used_at::text, revoked_at::text`;

/**
 * The `accounts_api_keys` table. Everything but `last_used_at` comes from the account's events;
 * `last_used_at` is operational data written by key usage reports only, so a write from the
 * account's state never touches it.
 */
export class ApiKeyRows {
  constructor(private readonly schema: string) {}

  async write(db: Queryable, teamId: string, accountId: string, key: ApiKey): Promise<void> {
    await db.query(
      `INSERT INTO ${this.schema}.accounts_api_keys
        (id, account_id, team_id, name, prefix, digest, environment, permissions, created_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $9::bigint, $10::bigint)
       ON CONFLICT (id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at`,
      [
        key.keyId,
        accountId,
        teamId,
        key.name,
        key.prefix,
        key.digest,
        key.environment,
        jsonParam(key.permissions ?? []),
        String(key.createdAt),
        key.revokedAt === null ? null : String(key.revokedAt),
      ],
    );
  }

  async find(db: Queryable, accountId: string, keyId: string): Promise<ApiKeyRow | null> {
    const { rows } = await db.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_api_keys WHERE id = $1 AND account_id = $2`,
      [keyId, accountId],
    );
    return rows[0] ?? null;
  }

  /** Every key of the account, revoked ones included, in creation order. */
  async ofAccount(db: Queryable, accountId: string): Promise<ApiKeyRow[]> {
    const { rows } = await db.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_api_keys WHERE account_id = $1 ORDER BY seq`,
      [accountId],
    );
    return rows;
  }

  /** The keys not revoked of each of the team's accounts, accounts without any at 0, in creation order. */
  async activeCounts(db: Queryable, teamId: string): Promise<{ accountId: string; activeKeys: number }[]> {
    const { rows } = await db.query<{ account_id: string; active: string }>(
      `SELECT p.id AS account_id, count(k.id)::text AS active
       FROM ${this.schema}.accounts_projects p
       LEFT JOIN ${this.schema}.accounts_api_keys k ON k.account_id = p.id AND k.revoked_at IS NULL
       WHERE p.team_id = $1 GROUP BY p.id, p.seq ORDER BY p.seq`,
      [teamId],
    );
    return rows.map((row) => ({ accountId: row.account_id, activeKeys: Number(row.active) }));
  }

  /** One lookup on the unique digest index, joined to the key's project by primary key. */
  async identity(db: Queryable, digest: string): Promise<KeyIdentity | null> {
    const { rows } = await db.query<IdentityRow>(
      `SELECT k.id, k.account_id, k.team_id, k.environment, k.digest, k.revoked_at::text, p.kind, p.status
       FROM ${this.schema}.accounts_api_keys k JOIN ${this.schema}.accounts_projects p ON p.id = k.account_id
       WHERE k.digest = $1`,
      [digest],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      keyId: row.id,
      accountId: row.account_id,
      teamId: row.team_id,
      accountKind: row.kind,
      accountStatus: row.status,
      environment: row.environment,
      revoked: row.revoked_at !== null,
      digest: row.digest,
    };
  }
}

export function apiKeyViewOf(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    keyPrefix: row.prefix,
    environment: row.environment,
    permissions: row.permissions,
    createdAt: epochMsFrom(row.created_at),
    lastUsedAt: epochMsOrNull(row.last_used_at),
    revokedAt: epochMsOrNull(row.revoked_at),
  };
}
