import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GroupCommit, migrateSchema, type SqlEventStore } from '@subledger/event-store';
import { EVENT_STORE } from '@subledger/platform';
import { gatewayMigrations } from './gateway-migrations';
import { idempotencyStatements } from './idempotency-schema.sql';
import { isLostConnection } from './lost-connection';

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

export type ClaimResult =
  { readonly type: 'owned' } | { readonly type: 'existing'; readonly record: IdempotencyRecord };

interface RecordRow {
  scope: string;
  key: string;
  fingerprint: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
}

interface Completion {
  readonly scope: string;
  readonly key: string;
  readonly owner: string;
  readonly response: StoredResponse;
}

interface Release {
  readonly scope: string;
  readonly key: string;
  readonly owner: string;
}

/** What a claim found, or that its record kept changing under it. */
type ClaimOutcome = ClaimResult | { readonly type: 'unsettled' };

const CLEANUP_BATCH = 5000;
/** A record may vanish between claiming and reading it (cleanup, a released lease): claim again. */
const CLAIM_ATTEMPTS = 3;
/** A statement whose connection was lost runs again, on another connection, this many times in all. */
const LOST_CONNECTION_ATTEMPTS = 3;
const LOST_CONNECTION_PAUSE_MS = 50;

/**
 * Idempotency records in SQL (PostgreSQL or PGlite, through the event store's connection).
 * Concurrent requests' claims, completions and releases are each written as one statement per
 * group (GroupCommit), so records cost a statement per group of requests, not per request.
 *
 * A statement whose connection is lost (the server ended the session, the socket broke) runs
 * again, on another connection, up to twice more: every statement here may run more than once (a
 * claim finds its own record and owns it again, a completion that did commit finds nothing left to
 * complete, a release deletes nothing more, a read reads), and without it a connection lost under a
 * claim or a completion answered 500 for a request that had been applied (docs/deployment.md,
 * "Failures and restarts").
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  private readonly statements: ReturnType<typeof idempotencyStatements>;
  private readonly claims = new GroupCommit<ClaimRequest, ClaimOutcome>((requests) => this.claimGroup(requests), 500);
  private readonly completions = new GroupCommit<Completion, boolean>(
    (completions) => this.completeGroup(completions),
    500,
  );
  private readonly releases = new GroupCommit<Release, void>((releases) => this.releaseGroup(releases), 500);

  constructor(@Inject(EVENT_STORE) private readonly store: SqlEventStore) {
    this.statements = idempotencyStatements(store.quotedSchema);
  }

  /**
   * Applies the gateway's pending migrations. A service has applied (or verified) them before its
   * modules start (EventStoreModule), so this finds nothing to do there; compositions over a bare
   * store (tests) rely on it.
   */
  async onModuleInit(): Promise<void> {
    await migrateSchema(this.store.sql, this.store.schema, [gatewayMigrations]);
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const outcome = await this.claims.submit(request);
    if (outcome.type === 'unsettled')
      throw new Error(`Could not claim idempotency key of scope ${request.scope}: the record kept changing`);
    return outcome;
  }

  /** Stores the response; false when this request no longer owns the record (its lease was taken over). */
  complete(scope: string, key: string, owner: string, response: StoredResponse): Promise<boolean> {
    return this.completions.submit({ scope, key, owner, response });
  }

  /** Frees the key for a retry (after a 5xx: the client may try again). */
  release(scope: string, key: string, owner: string): Promise<void> {
    return this.releases.submit({ scope, key, owner });
  }

  /** Deletes records created before `cutoff` (epoch ms); returns how many. */
  async deleteCreatedBefore(cutoff: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const { rows } = await this.query(this.statements.deleteCreatedBefore, [cutoff, CLEANUP_BATCH]);
      deleted += rows.length;
      if (rows.length < CLEANUP_BATCH) return deleted;
    }
  }

  private async claimGroup(requests: readonly ClaimRequest[]): Promise<ClaimOutcome[]> {
    const outcomes: ClaimOutcome[] = requests.map(() => ({ type: 'unsettled' }));
    let open = requests.map((_, i) => i);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS && open.length > 0;) {
      // One statement may name a key once: a key asked for twice in the group waits for the next round.
      const round = firstOfEachKey(open, requests);
      const claimed = await this.claimRound(round.map((i) => requests[i]));
      const lost = round.filter((i) => !claimed.has(ownerKey(requests[i])));
      for (const i of round) if (claimed.has(ownerKey(requests[i]))) outcomes[i] = { type: 'owned' };
      const records = await this.find(lost.map((i) => requests[i]));
      for (const i of lost) {
        const record = records.get(recordKey(requests[i]));
        if (record) outcomes[i] = { type: 'existing', record };
      }
      const unsettled = new Set(lost.filter((i) => !records.has(recordKey(requests[i]))));
      if (unsettled.size > 0) attempt++;
      const inRound = new Set(round);
      open = open.filter((i) => !inRound.has(i) || unsettled.has(i));
    }
    return outcomes;
  }

  private async claimRound(requests: readonly ClaimRequest[]): Promise<Set<string>> {
    const rows = requests.map(({ scope, key, fingerprint, owner, now, leaseMs }) => ({
      scope,
      key,
      fingerprint,
      owner,
      lease_until: now + leaseMs,
      now,
    }));
    const cutoff = Math.min(...requests.map(({ now, retentionMs }) => now - retentionMs));
    const { rows: claimed } = await this.query<{ scope: string; key: string; owner: string }>(this.statements.claim, [
      JSON.stringify(rows),
      cutoff,
    ]);
    return new Set(claimed.map(ownerKey));
  }

  private async find(requests: readonly ClaimRequest[]): Promise<Map<string, IdempotencyRecord>> {
    if (requests.length === 0) return new Map();
    const keys = requests.map(({ scope, key }) => ({ scope, key }));
    const { rows } = await this.query<RecordRow & Record<string, unknown>>(this.statements.find, [
      JSON.stringify(keys),
    ]);
    return new Map(rows.map((row) => [recordKey(row), toRecord(row)]));
  }

  private async completeGroup(completions: readonly Completion[]): Promise<boolean[]> {
    const rows = completions.map(({ scope, key, owner, response }) => ({
      scope,
      key,
      owner,
      status: response.status,
      headers: JSON.stringify(response.headers),
      body: response.body,
    }));
    const { rows: completed } = await this.query<{ scope: string; key: string }>(this.statements.complete, [
      JSON.stringify(rows),
    ]);
    const done = new Set(completed.map(recordKey));
    return completions.map((completion) => done.has(recordKey(completion)));
  }

  private async releaseGroup(releases: readonly Release[]): Promise<void[]> {
    await this.query(this.statements.release, [JSON.stringify(releases)]);
    return releases.map(() => undefined);
  }

  private async query<R extends Record<string, unknown>>(
    sql: string,
    params: readonly unknown[],
  ): Promise<{ rows: R[] }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.sql.query<R>(sql, params);
      } catch (error) {
        if (attempt >= LOST_CONNECTION_ATTEMPTS || !isLostConnection(error)) throw error;
        // The server ends every connection at once (a restart, pg_terminate_backend of all): the
        // pool drops the other dead ones as it reads their news, which the pause lets it do.
        await new Promise((resolve) => setTimeout(resolve, LOST_CONNECTION_PAUSE_MS));
      }
    }
  }
}

function recordKey({ scope, key }: { scope: string; key: string }): string {
  return `${scope}\u0000${key}`;
}

function ownerKey({ scope, key, owner }: { scope: string; key: string; owner: string }): string {
  return `${scope}\u0000${key}\u0000${owner}`;
}

function firstOfEachKey(open: readonly number[], requests: readonly ClaimRequest[]): number[] {
  const seen = new Set<string>();
  return open.filter((i) => {
    const key = recordKey(requests[i]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
