import type { MessageStatus, MessageView } from '@subledger/contracts';
import { epochMsFrom, type Queryable } from './sql-values';

/** What a message's next step is decided on: who holds it, where delivery stands, what it was charged. */
export type MessageState = {
  id: string;
  team_id: string;
  account_id: string;
  status: MessageStatus;
  channel: string;
  is_test: boolean;
  charge_id: string | null;
  refunded: boolean;
  error_code: string | null;
  updated_at: string;
};

/** A message record as stored, without its place in the creation order (known once inserted). */
export type StoredMessage = MessageState & {
  message_type: string;
  to_address: string | null;
  text_body: string | null;
  subject: string | null;
  html_body: string | null;
  metadata: Record<string, unknown> | null;
  extra: Record<string, unknown> | null;
  cost: string;
  units: number;
  created_at: string;
};

export type MessageRow = StoredMessage & { seq: string };

export interface MessageFilter {
  readonly status?: MessageStatus;
  readonly channel?: string;
  readonly to?: string;
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

  async find(db: Queryable, teamId: string, messageId: string): Promise<MessageRow | null> {
    const { rows } = await db.query<MessageRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_messages WHERE id = $1 AND team_id = $2`,
      [messageId, teamId],
    );
    return rows[0] ?? null;
  }

  /** The messages of these ids, whichever team holds them. */
  async findMany(db: Queryable, messageIds: readonly string[]): Promise<MessageRow[]> {
    if (messageIds.length === 0) return [];
    const { rows } = await db.query<MessageRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.accounts_messages WHERE id = ANY($1::text[])`,
      [messageIds],
    );
    return rows;
  }

  /** The states of these messages, whichever team holds them: fewer columns to read than whole rows. */
  async statesOf(db: Queryable, messageIds: readonly string[]): Promise<MessageState[]> {
    if (messageIds.length === 0) return [];
    const { rows } = await db.query<MessageState>(
      `SELECT id, team_id, account_id, status, channel, is_test, charge_id, refunded, error_code, updated_at::text
       FROM ${this.schema}.accounts_messages WHERE id = ANY($1::text[])`,
      [messageIds],
    );
    return rows;
  }

  /** The account's messages created after `afterSeq` that pass the filter, oldest first. */
  async ofAccountAfter(
    db: Queryable,
    teamId: string,
    accountId: string,
    filter: MessageFilter,
    afterSeq: string,
    count: number,
  ): Promise<MessageRow[]> {
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

export function messageViewOf(row: StoredMessage): MessageView {
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
