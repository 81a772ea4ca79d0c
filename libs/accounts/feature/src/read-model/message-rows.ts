import type { MessageStatus, MessageView, NewMessage } from '@subledger/contracts';
import { epochMsFrom, jsonParam, type Queryable } from './sql-values';

export interface MessageRow {
  [column: string]: unknown;
  seq: string;
  id: string;
  team_id: string;
  account_id: string;
  status: MessageStatus;
  channel: string;
  message_type: string;
  to_address: string | null;
  text_body: string | null;
  subject: string | null;
  html_body: string | null;
  metadata: Record<string, unknown> | null;
  extra: Record<string, unknown> | null;
  cost: string;
  units: number;
  is_test: boolean;
  charge_id: string | null;
  refunded: boolean;
  error_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageFilter {
  readonly status?: MessageStatus;
  readonly channel?: string;
  readonly to?: string;
}

export interface MessageStatusChange {
  readonly status: MessageStatus;
  readonly errorCode: string | null;
  readonly refunded: boolean;
  readonly at: number;
}

const FILTER_COLUMNS: readonly [keyof MessageFilter, string][] = [
  ['status', 'status'],
  ['channel', 'channel'],
  ['to', 'to_address'],
];

const COLUMNS = `seq::text, id, team_id, account_id, status, channel, message_type, to_address, text_body, subject,
  html_body, metadata, extra, cost::text, units, is_test, charge_id, refunded, error_code, created_at::text, updated_at::text`;
// `seq::text` is an output column named `seq`, and a bare ORDER BY name means the output column
// first: ordering must name the table's bigint column (`m.seq`), or 10 sorts before 2.

/**
 * The `accounts_messages` table: message records, written by the accounts service only. `to`,
 * the bodies, metadata and extra fields are personal data, erased when the account is purged.
 */
export class MessageRows {
  constructor(private readonly schema: string) {}

  /** Records a new message as `queued`; a message id already recorded is left as it is. */
  async insert(db: Queryable, teamId: string, message: NewMessage, at: number): Promise<void> {
    await db.query(
      `INSERT INTO ${this.schema}.accounts_messages
        (id, team_id, account_id, status, channel, message_type, to_address, text_body, subject, html_body,
         metadata, extra, cost, units, is_test, charge_id, created_at, updated_at)
       VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $8, $9, $10::json, $11::json, $12::bigint, $13, $14, $15, $16::bigint, $16::bigint)
       ON CONFLICT (id) DO NOTHING`,
      [
        message.id,
        teamId,
        message.accountId,
        message.channel,
        message.messageType,
        message.to,
        message.text,
        message.subject,
        message.htmlBody,
        jsonParam(message.metadata),
        jsonParam(message.extra),
        message.cost.toString(),
        message.units,
        message.isTest,
        message.chargeId,
        String(at),
      ],
    );
  }

  async find(db: Queryable, teamId: string, messageId: string): Promise<MessageRow | null> {
    const { rows } = await db.query<MessageRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_messages WHERE id = $1 AND team_id = $2`,
      [messageId, teamId],
    );
    return rows[0] ?? null;
  }

  /** The account's messages created after `afterSeq` that pass the filter, oldest first. */
  async ofAccountAfter(db: Queryable, teamId: string, accountId: string, filter: MessageFilter, afterSeq: string, count: number): Promise<MessageRow[]> {
    // Only the filters given become conditions, so each query can use the index that fits it.
    const params: unknown[] = [accountId, afterSeq, count, teamId];
    const conditions = FILTER_COLUMNS.flatMap(([field, column]) => {
      const value = filter[field];
      if (value === undefined) return [];
      params.push(value);
      return [`AND ${column} = $${params.length}`];
    });
    const { rows } = await db.query<MessageRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_messages m
       WHERE account_id = $1 AND seq > $2::bigint AND team_id = $4 ${conditions.join(' ')}
       ORDER BY m.seq LIMIT $3`,
      params,
    );
    return rows;
  }

  async changeStatus(db: Queryable, messageId: string, change: MessageStatusChange): Promise<void> {
    await db.query(
      `UPDATE ${this.schema}.accounts_messages SET status = $2, error_code = $3, refunded = $4, updated_at = $5::bigint
       WHERE id = $1`,
      [messageId, change.status, change.errorCode, change.refunded, String(change.at)],
    );
  }

  /** Erases the personal data of every message of a purged account; ids, amounts and statuses stay. */
  async erase(db: Queryable, accountId: string): Promise<void> {
    await db.query(
      `UPDATE ${this.schema}.accounts_messages
       SET to_address = NULL, text_body = NULL, subject = NULL, html_body = NULL, metadata = NULL, extra = NULL
       WHERE account_id = $1`,
      [accountId],
    );
  }
}

export function messageViewOf(row: MessageRow): MessageView {
  return {
    id: row.id,
    teamId: row.team_id,
    accountId: row.account_id,
    to: row.to_address,
    channel: row.channel,
    messageType: row.message_type,
    status: row.status,
    text: row.text_body,
    subject: row.subject,
    htmlBody: row.html_body,
    metadata: row.metadata,
    extra: row.extra,
    cost: BigInt(row.cost),
    units: row.units,
    isTest: row.is_test,
    chargeId: row.charge_id,
    refunded: row.refunded,
    errorCode: row.error_code,
    createdAt: epochMsFrom(row.created_at),
    updatedAt: epochMsFrom(row.updated_at),
  };
}
