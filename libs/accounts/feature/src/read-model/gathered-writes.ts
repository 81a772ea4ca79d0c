import type { MessageState, StoredMessage } from './message-rows';
import type { Queryable } from './sql-values';

/** One use of a key, as the gateway reports it. */
export interface KeyUsage {
  readonly teamId: string;
  readonly keyId: string;
  readonly at: number;
}

/** What gathered commands write: new message records, status changes, key uses. */
export interface GatheredWrites {
  readonly inserts: readonly StoredMessage[];
  readonly changes: readonly MessageState[];
  readonly usages: readonly KeyUsage[];
}

/** The keys a write found, each in its team. */
export type FoundKeys = readonly Omit<KeyUsage, 'at'>[];

/** The columns a record is written with, and their SQL types for reading them out of JSON. */
const STORED: readonly (readonly [keyof StoredMessage, string])[] = [
  ['id', 'text'],
  ['team_id', 'text'],
  ['account_id', 'text'],
  ['status', 'text'],
  ['channel', 'text'],
  ['message_type', 'text'],
  ['to_address', 'text'],
  ['text_body', 'text'],
  ['subject', 'text'],
  ['html_body', 'text'],
  ['metadata', 'json'],
  ['extra', 'json'],
  ['cost', 'bigint'],
  ['units', 'integer'],
  ['is_test', 'boolean'],
  ['charge_id', 'text'],
  ['refunded', 'boolean'],
  ['error_code', 'text'],
  ['created_at', 'bigint'],
  ['updated_at', 'bigint'],
];
const STORED_COLUMNS = STORED.map(([column]) => column).join(', ');
const STORED_TYPES = STORED.map(([column, type]) => `${column} ${type}`).join(', ');

function storedJson(message: StoredMessage): Record<string, unknown> {
  return Object.fromEntries(STORED.map(([column]) => [column, message[column]]));
}

/**
 * Every write of gathered commands in one statement: the new records (one INSERT, in the order
 * given, an id already recorded left as it is), the status changes (one UPDATE, never touching a
 * message already `delivered` or `failed`) and the key uses (one UPDATE moving `last_used_at`
 * forward only, a key counting only in its own team) as data-modifying CTEs. One statement is
 * atomic without BEGIN and COMMIT and costs one round trip, which matters most where every
 * statement crosses to PGlite's thread and a transaction would hold the connection meanwhile.
 * Inserted and changed messages never overlap (a group inserts only ids it did not find), as one
 * statement must not touch a row twice.
 *
 * New records travel as one JSON array: `json` (not `jsonb`) keeps each metadata object's text, so
 * its keys come back in the client's order. The scalar columns of changes and key uses travel as
 * arrays, whose join measured faster.
 */
export class GatheredWriteStatement {
  constructor(private readonly schema: string) {}

  async write(db: Queryable, { inserts, changes, usages }: GatheredWrites): Promise<FoundKeys> {
    const { rows } = await db.query<{ id: string; team_id: string }>(
      `WITH inserted AS (
         INSERT INTO ${this.schema}.accounts_messages (${STORED_COLUMNS})
         SELECT ${STORED_COLUMNS} FROM ROWS FROM (json_to_recordset($1::json) AS (${STORED_TYPES})) WITH ORDINALITY AS v(${STORED_COLUMNS}, n)
         ORDER BY n
         ON CONFLICT (id) DO NOTHING
       ), changed AS (
         UPDATE ${this.schema}.accounts_messages m
         SET status = v.status, error_code = v.error_code, refunded = v.refunded, updated_at = v.updated_at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::bigint[]) AS v(id, team_id, status, error_code, refunded, updated_at)
         WHERE m.id = v.id AND m.team_id = v.team_id AND m.status NOT IN ('delivered', 'failed')
       )
       UPDATE ${this.schema}.accounts_api_keys k SET last_used_at = GREATEST(COALESCE(k.last_used_at, 0), u.at)
       FROM (SELECT team_id, key_id, max(at) AS at FROM unnest($8::text[], $9::text[], $10::bigint[]) AS u(team_id, key_id, at)
             GROUP BY team_id, key_id) u
       WHERE k.id = u.key_id AND k.team_id = u.team_id
       RETURNING k.id, k.team_id`,
      [
        JSON.stringify(inserts.map(storedJson)),
        changes.map((m) => m.id),
        changes.map((m) => m.team_id),
        changes.map((m) => m.status),
        changes.map((m) => m.error_code),
        changes.map((m) => m.refunded),
        changes.map((m) => m.updated_at),
        usages.map((usage) => usage.teamId),
        usages.map((usage) => usage.keyId),
        usages.map((usage) => String(usage.at)),
      ],
    );
    return rows.map((row) => ({ teamId: row.team_id, keyId: row.id }));
  }
}
