import supertest from 'supertest';
import { IdempotencyCleanup } from './idempotency-cleanup';
import { EdgeTestController } from '../testing/edge-test.controllers';
import { type EdgeTestApp, startEdgeTestApp, TEST_ADMIN_TOKEN, type TestDatabaseKind } from '../testing/edge-test-app';
import type { IssuedKey } from '../testing/stand-in-accounts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each<TestDatabaseKind>(['PGlite', 'PostgreSQL'])('idempotency (docs/contract.md §3) on %s', (database) => {
  let edge: EdgeTestApp;
  let key: IssuedKey;

  beforeAll(async () => {
    edge = await startEdgeTestApp({ database, options: { requestTimeoutMs: 1000 } });
  });
  afterAll(() => edge.close());
  beforeEach(() => {
    key = edge.accounts.issueKey('main');
  });

  const post = (path: string, idempotencyKey?: string, as: IssuedKey = key) => {
    const request = supertest(edge.http).post(path).set('Authorization', `Bearer ${as.key}`);
    return idempotencyKey === undefined ? request : request.set('Idempotency-Key', idempotencyKey);
  };
  const calls = () => EdgeTestController.calls;

  it('replays the first response for the same key and request, without running the handler again', async () => {
    const first = await post('/test/things', 'k-1').send({ name: 'widget', metadata: { plan: 'pro' } });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const runs = calls();
    const again = await post('/test/things', 'k-1').send({ metadata: { plan: 'pro' }, name: 'widget' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(calls()).toBe(runs);
  });

  it('hands the handler the effective key', async () => {
    expect((await post('/test/things', 'k-visible').send({ name: 'x' })).body.idempotencyKey).toBe('k-visible');
    expect((await post('/test/things').send({ name: 'x' })).body.idempotencyKey).toBeNull();
  });

  it('runs every request without a key', async () => {
    const runs = calls();
    await post('/test/things').send({ name: 'x' }).expect(201);
    await post('/test/things').send({ name: 'x' }).expect(201);
    expect(calls()).toBe(runs + 2);
  });

  it('refuses the same key for a different body, path or query with 409 idempotency_key_reused', async () => {
    await post('/test/things', 'k-2').send({ name: 'one' }).expect(201);
    for (const response of [
      await post('/test/things', 'k-2').send({ name: 'two' }),
      await post('/test/things?dryRun=1', 'k-2').send({ name: 'one' }),
      await post('/test/sends', 'k-2').send({ to: '+15550001' }),
    ]) {
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 409,
        code: 'idempotency_key_reused',
      });
    }
  });

  it('answers 409 request_in_progress while the first request runs, then replays it', async () => {
    const gate = EdgeTestController.gate;
    gate.close();
    const entered = gate.entered;
    const first = post('/test/slow', 'k-3').then((response) => response);
    await waitFor(() => gate.entered > entered);
    const concurrent = await post('/test/slow', 'k-3');
    expect({ status: concurrent.status, code: concurrent.body.code }).toEqual({
      status: 409,
      code: 'request_in_progress',
    });
    gate.release();
    const done = await first;
    expect(done.status).toBe(201);
    const replayed = await post('/test/slow', 'k-3');
    expect(replayed.body).toEqual(done.body);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps every answer right when many requests claim, complete and replay their keys at once', async () => {
    const before = calls();
    const keys = Array.from({ length: 30 }, (_, i) => `burst-${i}`);
    const firsts = await Promise.all(keys.map((k, i) => post('/test/things', k).send({ name: `widget ${i}` })));
    expect(firsts.map((response) => response.status)).toEqual(keys.map(() => 201));
    expect(calls() - before).toBe(keys.length);
    const replays = await Promise.all(keys.map((k, i) => post('/test/things', k).send({ name: `widget ${i}` })));
    expect(replays.map((response) => response.body)).toEqual(firsts.map((response) => response.body));
    expect(replays.every((response) => response.headers['idempotent-replayed'] === 'true')).toBe(true);
    expect(calls() - before).toBe(keys.length);
  });

  it('runs one of several requests sent at once with the same key; the others answer request_in_progress or replay it', async () => {
    const before = calls();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post('/test/things', 'same-key-at-once').send({ name: 'widget' })),
    );
    expect(calls() - before).toBe(1);
    const created = answers.filter((response) => response.status === 201);
    for (const response of created) expect(response.body).toEqual(created[0].body);
    const others = answers.filter((response) => response.status !== 201);
    expect(others.every((response) => response.status === 409 && response.body.code === 'request_in_progress')).toBe(
      true,
    );
    expect(created.length).toBeGreaterThanOrEqual(1);
  });

  it('lets a retry take over a key whose request stopped answering once its lease expired', async () => {
    const gate = EdgeTestController.gate;
    gate.close();
    const entered = gate.entered;
    const stuck = post('/test/slow', 'k-4').then((response) => response);
    await waitFor(() => gate.entered > entered);
    edge.clock.advance(29_999);
    expect((await post('/test/slow', 'k-4')).body.code).toBe('request_in_progress');
    edge.clock.advance(1);
    const takeOver = post('/test/slow', 'k-4').then((response) => response);
    await waitFor(() => gate.entered > entered + 1);
    gate.release();
    const [late, retried] = await Promise.all([stuck, takeOver]);
    expect(late.status).toBe(201);
    expect(retried.status).toBe(201);
    // The retry owns the record now: its response is the one replayed.
    const replayed = await post('/test/slow', 'k-4');
    expect(replayed.body).toEqual(retried.body);
    expect(replayed.body).not.toEqual(late.body);
  });

  it('does not let an expired lease be taken over by a different request', async () => {
    const gate = EdgeTestController.gate;
    gate.close();
    const entered = gate.entered;
    const stuck = post('/test/slow', 'k-5').then((response) => response);
    await waitFor(() => gate.entered > entered);
    edge.clock.advance(60_000);
    expect((await post('/test/things', 'k-5').send({ name: 'x' })).body.code).toBe('idempotency_key_reused');
    gate.release();
    await stuck;
  });

  it('stores and replays a refusal (4xx) with its status and body', async () => {
    const first = await post('/test/refused', 'k-6');
    expect({ status: first.status, code: first.body.code }).toEqual({ status: 402, code: 'insufficient_balance' });
    const runs = calls();
    const again = await post('/test/refused', 'k-6');
    expect(again.status).toBe(402);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(calls()).toBe(runs);
  });

  it('stores no API key: a replay answers [redacted] where the first answer showed one (docs/contract.md §2)', async () => {
    const apiKey = `sl_live_sub_${'Ab3'.repeat(14).slice(0, 40)}`;
    const first = await post('/test/things', 'k-key').send({ name: apiKey });
    expect(first.body.received.name).toBe(apiKey);
    const again = await post('/test/things', 'k-key').send({ name: apiKey });
    expect({ replayed: again.headers['idempotent-replayed'], name: again.body.received.name }).toEqual({
      replayed: 'true',
      name: '[redacted]',
    });
    const { rows } = await edge.store.sql.query<{ body: string }>(
      `SELECT response_body AS body FROM ${edge.store.quotedSchema}.gateway_idempotency WHERE idempotency_key = 'k-key'`,
    );
    expect(rows.map((row) => row.body.includes(apiKey))).toEqual([false]);
  });

  it('stores a validation failure too: the same invalid request gets the same answer', async () => {
    const first = await post('/test/things', 'k-7').send({ name: '' });
    expect(first.status).toBe(400);
    const again = await post('/test/things', 'k-7').send({ name: '' });
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('does not store a 5xx: the client may retry and the handler runs again', async () => {
    const first = await post('/test/broken', 'k-8');
    expect(first.status).toBe(500);
    const runs = calls();
    const again = await post('/test/broken', 'k-8');
    expect(again.status).toBe(500);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(calls()).toBe(runs + 1);
  });

  it('replays a 204 without a body and the Location header of a created resource', async () => {
    const empty = await post('/test/empty', 'k-9');
    const emptyAgain = await post('/test/empty', 'k-9');
    expect([empty.status, emptyAgain.status]).toEqual([204, 204]);
    expect(emptyAgain.headers['idempotent-replayed']).toBe('true');
    const located = await post('/test/located', 'k-10');
    const locatedAgain = await post('/test/located', 'k-10');
    expect(locatedAgain.headers.location).toBe(located.headers.location);
    expect(locatedAgain.body).toEqual(located.body);
  });

  it('scopes keys to the account: another account may use the same key', async () => {
    const other = edge.accounts.issueKey('main');
    const mine = await post('/test/things', 'shared-key').send({ name: 'mine' });
    const theirs = await post('/test/things', 'shared-key', other).send({ name: 'theirs' });
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.received.name).toBe('theirs');
    expect(mine.body.received.name).toBe('mine');
  });

  it('scopes the operator to its own space', async () => {
    const admin = () =>
      supertest(edge.http)
        .post('/test-admin/top-ups')
        .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
        .set('Idempotency-Key', 'topup-1');
    const first = await admin();
    const again = await admin();
    expect(first.status).toBe(201);
    expect(first.body.idempotencyKey).toBe('topup-1');
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('takes the key from the body field a route names, the header winning when both are sent', async () => {
    const fromBody = await post('/test/sends').send({ to: '+15550002', idempotencyKey: 'body-1' });
    expect(fromBody.status).toBe(202);
    expect(fromBody.body.idempotencyKey).toBe('body-1');
    const replayed = await post('/test/sends').send({ to: '+15550002', idempotencyKey: 'body-1' });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    const both = await post('/test/sends', 'header-1').send({ to: '+15550003', idempotencyKey: 'body-2' });
    expect(both.body.idempotencyKey).toBe('header-1');
  });

  it('refuses a key longer than 255 characters or empty with 400 invalid_request', async () => {
    expect((await post('/test/things', 'k'.repeat(255)).send({ name: 'x' })).status).toBe(201);
    for (const response of [
      await post('/test/things', 'k'.repeat(256)).send({ name: 'x' }),
      await post('/test/sends').send({ to: '+1', idempotencyKey: '' }),
    ]) {
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'invalid_request' });
    }
  });

  it('keeps records for the retention period, then lets the key start afresh', async () => {
    const first = await post('/test/things', 'k-11').send({ name: 'old' });
    edge.clock.advance(DAY_MS);
    expect((await post('/test/things', 'k-11').send({ name: 'old' })).headers['idempotent-replayed']).toBe('true');
    edge.clock.advance(1);
    const fresh = await post('/test/things', 'k-11').send({ name: 'new' });
    expect(fresh.status).toBe(201);
    expect(fresh.body.run).not.toBe(first.body.run);
  });

  it('deletes records past retention in the periodic cleanup', async () => {
    await post('/test/things', 'k-12').send({ name: 'x' }).expect(201);
    const count = async () =>
      Number(
        (
          await edge.store.sql.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM ${edge.store.quotedSchema}.gateway_idempotency`,
          )
        ).rows[0].n,
      );
    const before = await count();
    expect(before).toBeGreaterThan(0);
    edge.clock.advance(DAY_MS + 1);
    const deleted = await edge.app.get(IdempotencyCleanup).run();
    expect(deleted).toBe(before);
    expect(await count()).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  if (!condition()) throw new Error('condition not reached');
}
