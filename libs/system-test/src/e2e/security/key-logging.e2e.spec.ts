import { startDistributedStack, startServiceProcess } from '@subledger/test-harness';
import { freshEmbeddedDataDir } from '@subledger/event-store/testing';
import { rm } from 'node:fs/promises';
import request from 'supertest';
import { testMode } from '../../test-app/test-app';

const ENTRY = 'apps/embedded/src/main.ts';
/** The start banner: the one place the operator token is printed, on purpose (docs/contract.md §2). */
const BANNER = /listening on (http:\/\/\S+)[\s\S]*Admin token \([^)]*\): (\S+)[\s\S]*curl .*\/admin\/v1\/teams.*\n/;
const US = '+14155550100';

interface LoggingApp {
  readonly url: string;
  readonly adminToken: string;
  /** Everything the processes printed, the embedded start banner left out. */
  output(): string;
  stop(): Promise<void>;
}

/** The embedded process, or the three distributed processes (whose token comes from ADMIN_TOKEN, never printed), at trace level. */
async function startLoggingApp(): Promise<LoggingApp> {
  const env = {
    LOG_LEVEL: 'trace',
    DELIVERY_STEP_DELAY_MS: '0',
    DELIVERY_FAILURE_RATE: '0',
    REQUEST_TIMEOUT_MS: '30000',
  };
  if (testMode() === 'distributed') {
    const stack = await startDistributedStack({ env });
    return {
      url: stack.gatewayUrls()[0],
      adminToken: stack.adminToken,
      output: () => stack.output(),
      stop: () => stack.stop(),
    };
  }
  const dataDir = await freshEmbeddedDataDir('subledger-key-logging-');
  const running = startServiceProcess(ENTRY, { DATA_DIR: dataDir, PORT: '0', ...env });
  const stop = async () => {
    await running.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const [banner, url, adminToken] = await running.waitFor(BANNER, 90_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, adminToken, output: () => running.output().replace(banner, ''), stop };
}

/** docs/contract.md §2: keys are never logged, whatever the log level and whatever the request makes of them. */
describe(`keys in the logs of the ${testMode() === 'distributed' ? 'distributed processes' : 'embedded process'}`, () => {
  let app: LoggingApp | undefined;

  beforeAll(async () => {
    app = await startLoggingApp();
  }, 120_000);

  afterAll(() => app?.stop());

  it('prints neither a full key nor the operator token, at trace level, outside the start banner', async () => {
    const { url, adminToken } = app as LoggingApp;
    let requests = 0;
    const http = () => {
      requests += 1;
      return request(url);
    };
    const as = (key: string) => ({
      get: (path: string) => http().get(path).set('Authorization', `Bearer ${key}`),
      post: (path: string) => http().post(path).set('Authorization', `Bearer ${key}`),
    });
    const admin = as(adminToken);
    const created = (await admin.post('/admin/v1/teams').send({ name: 'Logged' }).expect(201)).body;
    const mainKey: string = created.apiKey.key;
    await admin
      .post(`/admin/v1/teams/${created.team.id}/top-ups`)
      .set('Idempotency-Key', 'logged-top-up')
      .send({ amount: 100 })
      .expect(201);
    const sub = (
      await as(mainKey)
        .post('/v1/sub-accounts')
        .set('Idempotency-Key', 'logged-sub')
        .send({ name: 'Logged sub', creditLimit: 1 })
        .expect(201)
    ).body.subAccount;
    const extra = (
      await as(mainKey)
        .post(`/v1/sub-accounts/${sub.id}/api-keys`)
        .send({ name: 'Test', environment: 'test' })
        .expect(201)
    ).body.apiKey;
    const keys: string[] = [mainKey, sub.apiKey, extra.key];
    for (const key of keys) {
      await as(key).post('/v1/messages').send({ to: US, text: 'Logged?' }).expect(202);
      await as(key).get('/v1/me').expect(200);
    }
    // Failing requests, with the keys in hand: unknown and malformed keys, a bad body, a refused charge.
    await as(`${mainKey.slice(0, -1)}${mainKey.endsWith('0') ? '1' : '0'}`)
      .get('/v1/me')
      .expect(401);
    await as(`${mainKey}!`).get('/v1/balance').expect(401);
    await http().get('/v1/me').set('Authorization', `Basic ${mainKey}`).expect(401);
    await as(mainKey).post('/v1/messages').send({ to: 'nowhere', text: 1 }).expect(400);
    expect(
      (await as(sub.apiKey).post('/v1/messages').send({ to: US, text: 'Over the limit' }).expect(402)).body.code,
    ).toBe('credit_limit_exceeded');
    await as(sub.apiKey).get('/admin/v1/teams').expect(401);
    await http().get(`/admin/v1/teams/${created.team.id}`).set('Authorization', `Bearer ${adminToken}x`).expect(401);

    await app?.stop();
    const logs = (app as LoggingApp).output();
    // Every request was logged, its Authorization header with it: what is checked below was there to find.
    expect(logs.match(/"authorization":"\[redacted\]"/g)).toHaveLength(requests);
    for (const secret of [adminToken, ...keys.map((key) => key.slice(12))]) expect(logs).not.toContain(secret);
  }, 120_000);
});
