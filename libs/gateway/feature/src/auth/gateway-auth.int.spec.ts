import { Topics } from '@subledger/contracts';
import supertest from 'supertest';
import { TEST_ADMIN_TOKEN, type EdgeTestApp, startEdgeTestApp } from '../testing/edge-test-app';
import { IdentityCache } from './identity-cache';
import { KeyUsageRecorder } from './key-usage.recorder';

describe('gateway authentication (docs/contract.md §2) over HTTP', () => {
  let edge: EdgeTestApp;
  let cache: IdentityCache;

  beforeAll(async () => {
    edge = await startEdgeTestApp({ options: { requestTimeoutMs: 300 } });
    cache = edge.app.get(IdentityCache);
  });
  afterAll(() => edge.close());
  beforeEach(() => cache.invalidateAll());

  const get = (path: string, authorization?: string) => {
    const request = supertest(edge.http).get(path);
    return authorization === undefined ? request : request.set('Authorization', authorization);
  };
  const expectError = (response: supertest.Response, status: number, code: string) =>
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });

  describe('API keys', () => {
    it('lets a valid key through and hands the handler its identity', async () => {
      const { key, identity } = edge.accounts.issueKey('main');
      const response = await get('/test/main-only', `Bearer ${key}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ accountId: identity.accountId });
    });

    it.each([
      ['no Authorization header', undefined],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['an empty bearer', 'Bearer '],
      ['a malformed key', 'Bearer sl_live_short'],
      ['a key of another vendor', `Bearer sk_live_${'a'.repeat(40)}`],
      ['an unknown key', `Bearer sl_live_${'a'.repeat(40)}`],
      ['two credentials', `Bearer sl_live_${'a'.repeat(40)} sl_live_${'b'.repeat(40)}`],
    ])('answers %s with 401 invalid_api_key and a WWW-Authenticate challenge', async (_, authorization) => {
      const response = await get('/test/items/1', authorization);
      expectError(response, 401, 'invalid_api_key');
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('never asks the accounts service about a malformed key', async () => {
      const before = edge.accounts.lookups;
      await get('/test/items/1', 'Bearer sl_live_nope');
      expect(edge.accounts.lookups).toBe(before);
    });

    it.each([
      ['a revoked key', 401, 'invalid_api_key', { revoked: true }],
      ['a key of an account pending deletion', 401, 'invalid_api_key', { accountStatus: 'pending_deletion' as const }],
      ['a key of a purged account', 401, 'invalid_api_key', { accountStatus: 'purged' as const }],
      ['a key of a suspended account', 403, 'account_inactive', { accountStatus: 'inactive' as const }],
      [
        'a revoked key of a deactivated account',
        401,
        'invalid_api_key',
        { accountStatus: 'inactive' as const, revoked: true },
      ],
    ])('answers %s with %i %s', async (_, status, code, changes) => {
      const { key } = edge.accounts.issueKey('sub', changes);
      expectError(await get('/test/items/1', `Bearer ${key}`), status, code);
    });

    it('lets sub-account keys use api-key routes but not main-account routes', async () => {
      const { key } = edge.accounts.issueKey('sub');
      expect((await get('/test/items/7', `Bearer ${key}`)).body).toEqual({ id: '7' });
      expectError(await get('/test/main-only', `Bearer ${key}`), 403, 'forbidden_for_sub_account');
    });

    it('accepts the scheme in any case', async () => {
      const { key } = edge.accounts.issueKey('main');
      expect((await get('/test/items/1', `bearer ${key}`)).status).toBe(200);
    });

    it('leaves public routes open to anyone', async () => {
      expect((await get('/test/public')).status).toBe(200);
      expect((await get('/test/public', 'Bearer garbage')).status).toBe(200);
    });

    it('answers 503 upstream_timeout when the accounts service does not answer in time', async () => {
      const { key } = edge.accounts.issueKey('main');
      edge.accounts.hold();
      try {
        expectError(await get('/test/items/1', `Bearer ${key}`), 503, 'upstream_timeout');
      } finally {
        edge.accounts.resume();
      }
    });
  });

  describe('operator token', () => {
    it('lets the admin token through', async () => {
      expect((await get('/test-admin/whoami', `Bearer ${TEST_ADMIN_TOKEN}`)).body).toEqual({ admin: true });
    });

    it.each([
      ['no header', undefined],
      ['a wrong token', 'Bearer not-the-admin-token-but-just-as-long-xx'],
      ['a prefix of the token', `Bearer ${TEST_ADMIN_TOKEN.slice(0, -1)}`],
      ['an API key', `Bearer sl_live_${'a'.repeat(40)}`],
    ])('answers %s with 401 invalid_admin_token', async (_, authorization) => {
      expectError(await get('/test-admin/whoami', authorization), 401, 'invalid_admin_token');
    });

    it('does not take the admin token as an API key', async () => {
      expectError(await get('/test/items/1', `Bearer ${TEST_ADMIN_TOKEN}`), 401, 'invalid_api_key');
    });
  });

  describe('identity cache', () => {
    it('asks the accounts service once per key per second', async () => {
      const { key } = edge.accounts.issueKey('main');
      const before = edge.accounts.lookups;
      await Promise.all([1, 2, 3].map(() => get('/test/items/1', `Bearer ${key}`)));
      await get('/test/items/1', `Bearer ${key}`);
      expect(edge.accounts.lookups - before).toBe(1);
    });

    it('sees a revocation made through another replica once its entry is a second old', async () => {
      const issued = edge.accounts.issueKey('main');
      expect((await get('/test/items/1', `Bearer ${issued.key}`)).status).toBe(200);
      edge.accounts.change(issued, { revoked: true });
      edge.clock.advance(999);
      expect((await get('/test/items/1', `Bearer ${issued.key}`)).status).toBe(200);
      edge.clock.advance(1);
      expectError(await get('/test/items/1', `Bearer ${issued.key}`), 401, 'invalid_api_key');
    });

    it.each([
      ['invalidateKey', (issued: { identity: { keyId: string } }) => cache.invalidateKey(issued.identity.keyId)],
      [
        'invalidateAccount',
        (issued: { identity: { accountId: string } }) => cache.invalidateAccount(issued.identity.accountId),
      ],
      ['invalidateTeam', (issued: { identity: { teamId: string } }) => cache.invalidateTeam(issued.identity.teamId)],
    ])('sees a change made through this gateway at once after %s', async (_, invalidate) => {
      const issued = edge.accounts.issueKey('sub');
      expect((await get('/test/items/1', `Bearer ${issued.key}`)).status).toBe(200);
      edge.accounts.change(issued, { accountStatus: 'inactive' });
      invalidate(issued);
      expectError(await get('/test/items/1', `Bearer ${issued.key}`), 403, 'account_inactive');
    });

    it('drops a lookup that was in flight when an invalidation came', async () => {
      const issued = edge.accounts.issueKey('main');
      const before = edge.accounts.lookups;
      edge.accounts.hold();
      const inFlight = get('/test/items/1', `Bearer ${issued.key}`).then((response) => response.status);
      await waitFor(() => edge.accounts.lookups > before);
      edge.accounts.change(issued, { revoked: true });
      cache.invalidateKey(issued.identity.keyId);
      edge.accounts.resume();
      expect(await inFlight).toBe(200);
      expectError(await get('/test/items/1', `Bearer ${issued.key}`), 401, 'invalid_api_key');
    });
  });

  describe('key usage', () => {
    it('sends the latest use of each key as one RecordKeyUsage per team, not a write per request', async () => {
      const recorder = edge.app.get(KeyUsageRecorder);
      await recorder.flush();
      const first = edge.accounts.issueKey('main');
      const second = edge.accounts.issueKey('sub', { teamId: first.identity.teamId });
      edge.clock.set(Date.UTC(2026, 1, 1));
      await get('/test/items/1', `Bearer ${first.key}`);
      edge.clock.advance(500);
      await get('/test/items/1', `Bearer ${first.key}`);
      await get('/test/items/1', `Bearer ${second.key}`);
      const before = edge.accounts.commands.length;
      await recorder.flush();
      await waitFor(() => edge.accounts.commands.length > before);
      expect(edge.accounts.commands.slice(before)).toEqual([
        {
          type: 'RecordKeyUsage',
          teamId: first.identity.teamId,
          usages: [
            { keyId: first.identity.keyId, at: Date.UTC(2026, 1, 1) + 500 },
            { keyId: second.identity.keyId, at: Date.UTC(2026, 1, 1) + 500 },
          ],
        },
      ]);
      await recorder.flush();
      expect(edge.accounts.commands.length).toBe(before + 1);
    });

    it('does not record refused keys', async () => {
      const recorder = edge.app.get(KeyUsageRecorder);
      await recorder.flush();
      const { key } = edge.accounts.issueKey('sub', { accountStatus: 'inactive' });
      await get('/test/items/1', `Bearer ${key}`);
      const published = jest.spyOn(edge.bus, 'publish');
      await recorder.flush();
      expect(published).not.toHaveBeenCalledWith(Topics.accountsCommands, expect.anything(), expect.anything());
      published.mockRestore();
    });
  });
});

describe('key usage at shutdown', () => {
  it('flushes what it holds when the app closes', async () => {
    const edge = await startEdgeTestApp({ database: 'PostgreSQL' });
    const { key, identity } = edge.accounts.issueKey('main');
    await supertest(edge.http).get('/test/items/1').set('Authorization', `Bearer ${key}`).expect(200);
    const published = jest.spyOn(edge.bus, 'publish');
    await edge.close();
    expect(published).toHaveBeenCalledWith(Topics.accountsCommands, identity.teamId, {
      type: 'RecordKeyUsage',
      teamId: identity.teamId,
      usages: [{ keyId: identity.keyId, at: edge.clock.now() }],
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition not reached');
}
