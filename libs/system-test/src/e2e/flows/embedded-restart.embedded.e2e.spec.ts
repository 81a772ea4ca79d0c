import { startServiceProcess, type ServiceProcess } from '@subledger/test-harness';
import { freshEmbeddedDataDir } from '@subledger/event-store/testing';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { call, sendSms } from '../../test-app/http-calls';

/**
 * docs/contract.md §8.2 across a restart of the real embedded process: every service rebuilds its state from
 * the data directory, and nothing is forgotten or applied twice.
 */
describe('the embedded process across a restart', () => {
  let dataDir: string;
  let running: ServiceProcess | undefined;

  beforeAll(async () => {
    dataDir = await freshEmbeddedDataDir('subledger-restart-');
  });

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    running = startServiceProcess('apps/embedded/src/main.ts', {
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      DELIVERY_FAILURE_RATE: '0',
      REQUEST_TIMEOUT_MS: '30000',
    });
    const [, url] = await running.waitFor(/listening on (http:\/\/\S+)/, 60_000);
    return url;
  };

  it('keeps balances, limits, idempotency records and a long-lived team working after a restart', async () => {
    let B = await start();
    const ADMIN = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    const team = await call(B, ADMIN, 'POST', '/admin/v1/teams', { name: 'Durable' });
    const [TEAM, MAIN] = [team.body.team.id as string, team.body.apiKey.key as string];
    await call(B, ADMIN, 'POST', `/admin/v1/teams/${TEAM}/top-ups`, { amount: 100 }, { 'Idempotency-Key': 'top-up-1' });
    const subIds: string[] = [];
    for (let i = 0; i < 11; i++)
      subIds.push(
        (await call(B, MAIN, 'POST', '/v1/sub-accounts', { name: `Customer ${i}`, externalId: `ext-${i}` })).body
          .subAccount.id,
      );
    const capped = await call(B, MAIN, 'POST', '/v1/sub-accounts', { name: 'Capped', creditLimit: 2 });
    const SUB = capped.body.subAccount.apiKey as string;
    subIds.push(capped.body.subAccount.id);
    const first = await sendSms(B, SUB, 'Before the restart', { 'Idempotency-Key': 'sms-1' });
    expect([first.status, (await sendSms(B, SUB, 'Second')).status]).toEqual([202, 202]);
    const before = await call(B, SUB, 'GET', '/v1/balance');

    await running?.stop();
    B = await start();

    expect(await call(B, SUB, 'GET', '/v1/balance')).toMatchObject({ status: 200, body: before.body });
    const replay = await sendSms(B, SUB, 'Before the restart', { 'Idempotency-Key': 'sms-1' });
    expect({ status: replay.status, body: replay.body, replayed: replay.headers.get('idempotent-replayed') }).toEqual({
      status: 202,
      body: first.body,
      replayed: 'true',
    });
    const topUpAgain = await call(
      B,
      ADMIN,
      'POST',
      `/admin/v1/teams/${TEAM}/top-ups`,
      { amount: 100 },
      { 'Idempotency-Key': 'top-up-1' },
    );
    expect(topUpAgain.body).toEqual({ balance: 100 });
    // The limit of two cents still holds: 15,800 micros spent, another SMS would cross it.
    expect((await sendSms(B, SUB, 'Third')).body).toMatchObject({
      code: 'credit_limit_exceeded',
      details: { creditLimit: 2, totalSpent: 2 },
    });
    expect((await call(B, MAIN, 'POST', '/v1/sub-accounts', { name: 'Clash', externalId: 'ext-3' })).body.code).toBe(
      'external_id_taken',
    );
    subIds.push(
      (await call(B, MAIN, 'POST', '/v1/sub-accounts', { name: 'After restart', externalId: 'ext-new' })).body
        .subAccount.id,
    );
    const listed: string[] = [];
    for (let cursor: string | null = null, page = 0; page === 0 || cursor !== null; page++) {
      const answer = await call(
        B,
        MAIN,
        'GET',
        `/v1/sub-accounts?limit=5${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      listed.push(...answer.body.items.map((item: { id: string }) => item.id));
      cursor = answer.body.nextCursor;
    }
    expect(listed).toEqual(subIds);
    const ledger = await call(B, ADMIN, 'GET', `/admin/v1/teams/${TEAM}/ledger?accountId=${subIds[11]}`);
    expect(ledger.body.items.filter((entry: { type: string }) => entry.type === 'ChargeAccepted')).toHaveLength(2);
  }, 120_000);
});
