import { createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import { type FreshSchema, freshSchema, testDatabaseUrl } from '@subledger/test-harness';
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { type ClaimRequest, IdempotencyStore } from './idempotency.store';

// A connection the server ends under a statement (pg_terminate_backend, a restart, a failover)
// must not turn a request into a 500: the store runs the statement again on another connection.

const APPLICATION = `idempotency-lost-connection-${randomUUID().slice(0, 8)}`;
const LEASE_MS = 30_000;

describe('idempotency store on PostgreSQL: a connection ended under a statement', () => {
  let schema: FreshSchema;
  let pool: Pool;
  let eventStore: SqlEventStore;
  let store: IdempotencyStore;
  let admin: Client;

  beforeAll(async () => {
    schema = await freshSchema();
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2, application_name: APPLICATION });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    eventStore = createPostgresEventStore({ pool, schema: schema.name });
    await eventStore.migrate();
    store = new IdempotencyStore(eventStore);
    await store.onModuleInit();
    admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await pool?.end();
    await schema?.drop();
  });

  const claimOf = (key: string, fields: Partial<ClaimRequest> = {}): ClaimRequest => ({
    scope: 'acct_1',
    key,
    fingerprint: 'f-1',
    owner: randomUUID(),
    now: Date.now(),
    leaseMs: LEASE_MS,
    retentionMs: 24 * 3_600_000,
    ...fields,
  });

  /** Holds the row of `key` locked in a transaction of its own until `release()`. */
  async function lockRow(key: string): Promise<{ release(): Promise<void> }> {
    const locker = new Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM ${schema.name}.gateway_idempotency WHERE idempotency_key = $1 FOR UPDATE`, [key]);
    return {
      release: async () => {
        await locker.query('COMMIT');
        await locker.end();
      },
    };
  }

  /** Terminates the store's connection that waits on a lock, once it does; returns its pid. */
  async function terminateWaitingConnection(): Promise<number> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [APPLICATION],
      );
      if (rows.length > 0) {
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        return rows[0].pid;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('no connection of the store waited on the lock');
  }

  it('takes over an expired lease although the connection of its claim was terminated mid-statement', async () => {
    // A first request's claim whose lease has run out: the next one with the same request takes the key over.
    const expired = claimOf('k-expired', { now: Date.now() - 2 * LEASE_MS });
    expect(await store.claim(expired)).toEqual({ type: 'owned' });
    const lock = await lockRow('k-expired');
    const claim = store.claim(claimOf('k-expired'));
    await terminateWaitingConnection();
    await lock.release();

    await expect(claim).resolves.toEqual({ type: 'owned' });
  });

  it('claims a key although every connection of its pool was terminated at once, the idle one too', async () => {
    // Two connections in the pool: the claim waits on one, the other is idle when the server ends both.
    await Promise.all([eventStore.sql.query('SELECT pg_sleep(0.05)'), eventStore.sql.query('SELECT pg_sleep(0.05)')]);
    const expired = claimOf('k-all', { now: Date.now() - 2 * LEASE_MS });
    expect(await store.claim(expired)).toEqual({ type: 'owned' });
    const lock = await lockRow('k-all');
    const claim = store.claim(claimOf('k-all'));
    await terminateWaitingConnection();
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      APPLICATION,
    ]);
    await lock.release();

    await expect(claim).resolves.toEqual({ type: 'owned' });
  });

  it('completes a request although the connection of its completion was terminated mid-statement', async () => {
    const request = claimOf('k-complete');
    expect(await store.claim(request)).toEqual({ type: 'owned' });
    const lock = await lockRow('k-complete');
    const completed = store.complete(request.scope, request.key, request.owner, {
      status: 202,
      headers: {},
      body: '{"ok":true}',
    });
    await terminateWaitingConnection();
    await lock.release();

    await expect(completed).resolves.toBe(true);
    expect(await store.claim(claimOf('k-complete'))).toEqual({
      type: 'existing',
      record: { state: 'completed', fingerprint: 'f-1', response: { status: 202, headers: {}, body: '{"ok":true}' } },
    });
  });

  it('owns its key again when the same claim runs twice (it committed, but its answer was lost with the connection)', async () => {
    const request = claimOf('k-twice');
    expect(await store.claim(request)).toEqual({ type: 'owned' });

    expect(await store.claim(request)).toEqual({ type: 'owned' });
    expect(await store.claim(claimOf('k-twice'))).toEqual({
      type: 'existing',
      record: { state: 'in_progress', fingerprint: 'f-1' },
    });
  });
});
