import Redis from 'ioredis';
import supertest from 'supertest';
import { type EdgeTestApp, startEdgeTestApp, TEST_ADMIN_TOKEN } from '../testing/edge-test-app';
import { RATE_LIMIT_KEY_PREFIX } from './gateway-throttler.guard';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 3;

describe.each([
  ['in memory', undefined],
  ['in Redis', REDIS_URL],
])('rate limits (docs/contract.md §3) %s', (_, redisUrl) => {
  let edge: EdgeTestApp;

  beforeAll(async () => {
    if (redisUrl) await forgetAdminCounter(redisUrl);
    edge = await startEdgeTestApp({ database: 'PostgreSQL', options: { rateLimitPerMinute: LIMIT, redisUrl } });
  });
  afterAll(() => edge.close());

  const get = (path: string, authorization: string) =>
    supertest(edge.http).get(path).set('Authorization', authorization);

  it('counts each key across routes and says so in X-RateLimit-* headers, then answers 429 rate_limited', async () => {
    const { key } = edge.accounts.issueKey('main');
    const now = edge.clock.now();
    const answers = [];
    for (const path of ['/test/items/1', '/test/main-only', '/test/items/2', '/test/items/3'])
      answers.push(await get(path, `Bearer ${key}`));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((response) => response.headers['x-ratelimit-limit'])).toEqual(['3', '3', '3', '3']);
    expect(answers.map((response) => response.headers['x-ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
    for (const response of answers) {
      const reset = Number(response.headers['x-ratelimit-reset']);
      expect(reset).toBeGreaterThan(now);
      expect(reset).toBeLessThanOrEqual(now + 60_000);
    }
    const refused = answers[3];
    expect(refused.body).toMatchObject({ code: 'rate_limited', details: { limit: LIMIT } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(answers[0].headers['retry-after']).toBeUndefined();
  });

  it('keeps separate counters per key, and one for the operator', async () => {
    const first = edge.accounts.issueKey('main');
    const second = edge.accounts.issueKey('main');
    for (let i = 0; i < LIMIT; i++) await get('/test/items/1', `Bearer ${first.key}`).expect(200);
    await get('/test/items/1', `Bearer ${first.key}`).expect(429);
    expect((await get('/test/items/1', `Bearer ${second.key}`)).headers['x-ratelimit-remaining']).toBe('2');
    const admin = await get('/test-admin/whoami', `Bearer ${TEST_ADMIN_TOKEN}`);
    expect(admin.status).toBe(200);
    expect(admin.headers['x-ratelimit-remaining']).toBe('2');
  });

  it('authenticates first: bad keys get 401, never 429, and public routes are not limited', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      const response = await get('/test/items/1', `Bearer sl_live_${'z'.repeat(40)}`);
      expect(response.status).toBe(401);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
    for (let i = 0; i < LIMIT + 2; i++) {
      const response = await supertest(edge.http).get('/test/public');
      expect(response.status).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('rate limits shared through Redis', () => {
  it('count a key against one limit across gateway replicas', async () => {
    const replica = () =>
      startEdgeTestApp({ database: 'PostgreSQL', options: { rateLimitPerMinute: LIMIT, redisUrl: REDIS_URL } });
    const [one, two] = [await replica(), await replica()];
    try {
      const issued = one.accounts.issueKey('main');
      two.accounts.register(issued);
      const statuses = [];
      for (const { http } of [one, two, one, two]) {
        statuses.push((await supertest(http).get('/test/items/1').set('Authorization', `Bearer ${issued.key}`)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('let requests through, unlimited, while Redis is unreachable', async () => {
    const edge = await startEdgeTestApp({
      database: 'PostgreSQL',
      options: { rateLimitPerMinute: 1, redisUrl: 'redis://127.0.0.1:1' },
    });
    try {
      const { key } = edge.accounts.issueKey('main');
      for (let i = 0; i < 3; i++) {
        const response = await supertest(edge.http).get('/test/items/1').set('Authorization', `Bearer ${key}`);
        expect(response.status).toBe(200);
        expect(response.headers['x-ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await edge.close();
    }
  });
});

/** The operator's counter has a fixed name: clear what an earlier run may have left in it. */
async function forgetAdminCounter(url: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`{${RATE_LIMIT_KEY_PREFIX}:default:admin*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
