import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SqlEventStore } from '@subledger/event-store';
import { EVENT_STORE } from '@subledger/platform';
import { idempotencySchemaSql, idempotencyStatements } from './idempotency-schema.sql';

export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON text of the body, or null for a response without one (204). */
  readonly body: string | null;
}

export type IdempotencyRecord =
  | { readonly state: 'in_progress'; readonly fingerprint: string }
  | { readonly state: 'completed'; readonly fingerprint: string; readonly response: StoredResponse };

export interface ClaimRequest {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly owner: string;
  readonly now: number;
  readonly leaseMs: number;
  readonly retentionMs: number;
}

export type ClaimResult = { readonly type: 'owned' } | { readonly type: 'existing'; readonly record: IdempotencyRecord };

interface RecordRow {
  fingerprint: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
}

const CLEANUP_BATCH = 5000;

/** Idempotency records in SQL (PostgreSQL or PGlite, through the event store's connection). */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  private readonly statements: ReturnType<typeof idempotencyStatements>;

  constructor(@Inject(EVENT_STORE) private readonly store: SqlEventStore) {
    this.statements = idempotencyStatements(store.quotedSchema);
  }

  /** Creates the table if missing; serialised by an advisory lock so replicas may start together. */
  async onModuleInit(): Promise<void> {
    await this.store.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1)) AS locked', ['subledger.gateway.idempotency.migrate']);
      for (const statement of idempotencySchemaSql(this.store.quotedSchema)) await tx.query(statement);
    });
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { scope, key, fingerprint, owner, now, leaseMs, retentionMs } = request;
    // A record may vanish between the two statements (cleanup, a released lease): then claim again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await this.store.sql.query(this.statements.claim, [scope, key, fingerprint, owner, now + leaseMs, now, now - retentionMs]);
      if (claimed.rows.length > 0) return { type: 'owned' };
      const { rows } = await this.store.sql.query<RecordRow & Record<string, unknown>>(this.statements.find, [scope, key]);
      if (rows.length > 0) return { type: 'existing', record: toRecord(rows[0]) };
    }
    throw new Error(`Could not claim idempotency key of scope ${scope}: the record kept changing`);
  }

  /** Stores the response; false when this request no longer owns the record (its lease was taken over). */
  async complete(scope: string, key: string, owner: string, response: StoredResponse): Promise<boolean> {
    const result = await this.store.sql.query(this.statements.complete, [
      scope,
      key,
      owner,
      response.status,
      JSON.stringify(response.headers),
      response.body,
    ]);
    return result.rows.length > 0;
  }

  /** Frees the key for a retry (after a 5xx: the client may try again). */
  async release(scope: string, key: string, owner: string): Promise<void> {
    await this.store.sql.query(this.statements.release, [scope, key, owner]);
  }

  /** Deletes records created before `cutoff` (epoch ms); returns how many. */
  async deleteCreatedBefore(cutoff: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const { rows } = await this.store.sql.query(this.statements.deleteCreatedBefore, [cutoff, CLEANUP_BATCH]);
      deleted += rows.length;
      if (rows.length < CLEANUP_BATCH) return deleted;
    }
  }
}

function toRecord(row: RecordRow): IdempotencyRecord {
  if (row.state === 'in_progress') return { state: 'in_progress', fingerprint: row.fingerprint };
  const response: StoredResponse = {
    status: Number(row.response_status),
    headers: row.response_headers ? (JSON.parse(row.response_headers) as Record<string, string>) : {},
    body: row.response_body,
  };
  return { state: 'completed', fingerprint: row.fingerprint, response };
}
