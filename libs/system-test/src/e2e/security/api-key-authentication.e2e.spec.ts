import type { EmbeddedTestClient, TestTeam } from '../../test-app/embedded-test-client';
import { RATE_LIMIT_OUT_OF_REACH, testMode, type TestApp } from '../../test-app/test-app';
import { startTestClient } from '../../test-app/use-test-app';
import { callWith, expectRefusal } from './security-test-app';
import type { RouteCall } from './sub-account-routes';

const US = '+14155550100';
const BASE62_40 = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd';

/** UTF-8 bytes on the wire: Node sends a header string's characters as single bytes. */
const utf8OnTheWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe(`API key authentication (${testMode()})`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let team: TestTeam;

  beforeAll(async () => {
    ({ testApp, client } = await startTestClient(RATE_LIMIT_OUT_OF_REACH));
    team = await client.createTeam();
    await client.topUp(team.teamId, 1000);
  });

  afterAll(() => testApp?.close());

  const createKey = async (subAccountId: string, environment: 'live' | 'test' = 'live') =>
    (
      await client
        .as(team.mainKey, 'post', `/v1/sub-accounts/${subAccountId}/api-keys`)
        .send({ name: `Extra ${environment}`, environment })
        .expect(201)
    ).body.apiKey as { id: string; key: string };

  const ledgerOf = async (accountId: string) =>
    (await client.admin('get', `/admin/v1/teams/${team.teamId}/ledger?accountId=${accountId}&limit=100`).expect(200))
      .body.items;

  const expectInvalidKey = async (
    authorization: string | null,
    call: RouteCall = { method: 'get', path: '/v1/me' },
  ) => {
    const response = await callWith(client, authorization, call);
    expectRefusal(response, 401, 'invalid_api_key');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="subledger"');
  };

  describe('a missing or malformed credential: 401 invalid_api_key', () => {
    it.each([
      ['no header at all', null],
      ['the scheme alone', 'Bearer'],
      ['the scheme and a space', 'Bearer '],
      ['Basic credentials', 'Basic dXNlcjpwYXNzd29yZA=='],
      ['a key sent as Basic', () => `Basic ${team.mainKey}`],
      ['another scheme', () => `Token ${team.mainKey}`],
      ['the key without a scheme', () => team.mainKey],
      ['a key and something after it', () => `Bearer ${team.mainKey} ${team.mainKey}`],
      ['a wrong prefix', `Bearer sk_live_${BASE62_40}`],
      ['an unknown environment', `Bearer sl_prod_${BASE62_40}`],
      ['too short (31 random characters)', `Bearer sl_live_${BASE62_40.slice(0, 31)}`],
      ['far too long', `Bearer sl_live_${'a'.repeat(600)}`],
      ['non-base62 characters', `Bearer sl_live_${BASE62_40.slice(0, 35)}-_.~+`],
      ['Latin-1 characters', `Bearer sl_live_${'é'.repeat(40)}`],
      ['UTF-8 bytes of Cyrillic and emoji', utf8OnTheWire(`Bearer sl_live_ключ${'🔑'.repeat(10)}${BASE62_40}`)],
    ] as const)('%s', async (_what, header) => {
      await expectInvalidKey(typeof header === 'function' ? header() : header);
    });
  });

  it.each([
    ['a well-formed key that was never issued', () => `sl_live_${BASE62_40}`],
    [
      'an issued key with its last character changed',
      () => `${team.mainKey.slice(0, -1)}${team.mainKey.endsWith('A') ? 'B' : 'A'}`,
    ],
    ['an issued main key presented as a sub-account key', () => team.mainKey.replace('sl_live_', 'sl_live_sub_')],
    ['an issued live key presented as a test key', () => team.mainKey.replace('sl_live_', 'sl_test_')],
  ])('answers 401 invalid_api_key to %s', async (_what, key) => {
    await expectInvalidKey(`Bearer ${key()}`);
  });

  it('answers 401 to a revoked key on the very next call, on every route, while its siblings keep working', async () => {
    const sub = await client.createSubAccount(team.mainKey, { name: 'Revoked' });
    const extra = await createKey(sub.id);
    await client.as(extra.key, 'get', '/v1/me').expect(200);
    await client.as(team.mainKey, 'delete', `/v1/sub-accounts/${sub.id}/api-keys/${extra.id}`).expect(204);
    for (const call of [
      { method: 'get', path: '/v1/me' },
      { method: 'get', path: '/v1/balance' },
      { method: 'post', path: '/v1/messages', body: { to: US, text: 'x' } },
    ] as const) {
      await expectInvalidKey(`Bearer ${extra.key}`, call);
    }
    await client.as(sub.apiKey, 'get', '/v1/me').expect(200);
  });

  it('answers 401 to every key of a deactivated account, and to those of one pending deletion, even after it is restored', async () => {
    for (const leave of ['deactivate', 'schedule deletion'] as const) {
      const sub = await client.createSubAccount(team.mainKey, { name: leave });
      const keys = [sub.apiKey, (await createKey(sub.id)).key, (await createKey(sub.id, 'test')).key];
      for (const key of keys) await client.as(key, 'get', '/v1/me').expect(200);
      if (leave === 'deactivate') await client.as(team.mainKey, 'delete', `/v1/sub-accounts/${sub.id}`).expect(200);
      else await client.as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/deletion`).expect(200);
      for (const key of keys) await expectInvalidKey(`Bearer ${key}`);
      if (leave === 'schedule deletion') {
        await client.as(team.mainKey, 'delete', `/v1/sub-accounts/${sub.id}/deletion`).expect(200);
        for (const key of keys) await expectInvalidKey(`Bearer ${key}`);
      }
    }
  });

  it('answers 403 account_inactive to every key of a suspended account on every route it could use, charging nothing, until resumed', async () => {
    const sub = await client.createSubAccount(team.mainKey, { name: 'Suspended' });
    const testKey = (await createKey(sub.id, 'test')).key;
    const messageId = (await client.as(sub.apiKey, 'post', '/v1/messages').send({ to: US, text: 'before' }).expect(202))
      .body.message.id;
    await client.as(team.mainKey, 'patch', `/v1/sub-accounts/${sub.id}`).send({ status: 'inactive' }).expect(200);
    const before = await ledgerOf(sub.id);
    const balance = (await client.as(team.mainKey, 'get', '/v1/balance').expect(200)).body;
    const calls: RouteCall[] = [
      { method: 'post', path: '/v1/messages', body: { to: US, text: 'while suspended' } },
      { method: 'get', path: '/v1/messages' },
      { method: 'get', path: `/v1/messages/${messageId}` },
      { method: 'get', path: '/v1/balance' },
      { method: 'get', path: '/v1/me' },
    ];
    for (const key of [sub.apiKey, testKey]) {
      for (const call of calls) expectRefusal(await callWith(client, `Bearer ${key}`, call), 403, 'account_inactive');
    }
    expect(await ledgerOf(sub.id)).toEqual(before);
    expect((await client.as(team.mainKey, 'get', '/v1/balance').expect(200)).body).toEqual(balance);
    expect(
      (await client.as(team.mainKey, 'get', `/v1/sub-accounts/${sub.id}`).expect(200)).body.subAccount.totalSpent,
    ).toBe(1);
    await client.as(team.mainKey, 'patch', `/v1/sub-accounts/${sub.id}`).send({ status: 'active' }).expect(200);
    for (const key of [sub.apiKey, testKey]) await client.as(key, 'get', '/v1/me').expect(200);
  });
});
