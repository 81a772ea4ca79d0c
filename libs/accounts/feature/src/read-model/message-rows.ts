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
    const { rows } = await db.query<MessageRow>(`SELECT ${COLUMNS} FROM ${this.schema}.accounts_messages WHERE id = ANY($1::text[])`, [messageIds]);
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

  /**
   * New records in one statement, created in the order given; an id already recorded is left as
   * it is. The rows travel as one JSON array: `json` (not `jsonb`) keeps each metadata object's
   * text, so its keys come back in the client's order.
   */
  async insertMany(db: Queryable, messages: readonly StoredMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await db.query(
      `INSERT INTO ${this.schema}.accounts_messages (${STORED_COLUMNS})
       SELECT ${STORED_COLUMNS} FROM ROWS FROM (json_to_recordset($1::json) AS (${STORED_TYPES})) WITH ORDINALITY AS v(${STORED_COLUMNS}, n)
       ORDER BY n
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(messages.map(storedJson))],
    );
  }

  /**
   * Status changes of many messages in one statement. A message already `delivered` or `failed`
   * is never changed again, whoever reports it. (Arrays, not JSON: these columns are plain scalars,
   * and the join of unnested arrays measured faster.)
   */
  async changeStatuses(db: Queryable, messages: readonly MessageState[]): Promise<void> {
    if (messages.length === 0) return;
    await db.query(
      `UPDATE ${this.schema}.accounts_messages m
       SET status = v.status, error_code = v.error_code, refunded = v.refunded, updated_at = v.updated_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[]) AS v(id, team_id, status, error_code, refunded, updated_at)
       WHERE m.id = v.id AND m.team_id = v.team_id AND m.status NOT IN ('delivered', 'failed')`,
      [
        messages.map((m) => m.id),
        messages.map((m) => m.team_id),
        messages.map((m) => m.status),
        messages.map((m) => m.error_code),
        messages.map((m) => m.refunded),
        messages.map((m) => m.updated_at),
      ],
    );
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
