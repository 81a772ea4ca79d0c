import type { Response } from 'supertest';
import { apiKeyDigest } from '@subledger/gateway-feature';
import { waitForBackgroundWrites } from '../../test-app/database-state';
import type { EmbeddedTestClient } from '../../test-app/embedded-test-client';
import { RATE_LIMIT_OUT_OF_REACH, testMode, type TestApp } from '../../test-app/test-app';
import { startTestClient } from '../../test-app/use-test-app';
import { readStoredText } from './stored-text';

const US = '+14155550100';

/** The part of a key never shown after its creation: everything past the 12-character keyPrefix. */
const secretOf = (key: string) => key.slice(12);

/** docs/contract.md §2: the full key is returned once, at creation, and only a digest of it is ever stored. */
describe(`API keys are shown once and stored as digests (${testMode()})`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  const keys: string[] = [];
  const later: Response[] = [];
  let teamId: string;
  let mainKey: string;
  let subAccountId: string;
  let extraKeyId: string;

  beforeAll(async () => {
    ({ testApp, client } = await startTestClient(RATE_LIMIT_OUT_OF_REACH));
  });

  afterAll(() => testApp?.close());

  // Each creation carries an Idempotency-Key, so that its answer is also kept for replays.
  it('returns each full key in its creation answer only, and lists it by its keyPrefix', async () => {
    const team = await client
      .admin('post', '/admin/v1/teams')
      .set('Idempotency-Key', 'create-team')
      .send({ name: 'Secretive' })
      .expect(201);
    ({ key: mainKey } = team.body.apiKey);
    teamId = team.body.team.id;
    await client.topUp(teamId, 1000);
    const sub = await client
      .as(mainKey, 'post', '/v1/sub-accounts')
      .set('Idempotency-Key', 'create-sub')
      .send({ name: 'Sub' })
      .expect(201);
    subAccountId = sub.body.subAccount.id;
    const live = await client
      .as(mainKey, 'post', `/v1/sub-accounts/${subAccountId}/api-keys`)
      .set('Idempotency-Key', 'create-key')
      .send({ name: 'Live' })
      .expect(201);
    const test = await client
      .as(mainKey, 'post', `/v1/sub-accounts/${subAccountId}/api-keys`)
      .send({ name: 'Test', environment: 'test' })
      .expect(201);
    extraKeyId = live.body.apiKey.id;
    keys.push(mainKey, sub.body.subAccount.apiKey, live.body.apiKey.key, test.body.apiKey.key);
    for (const key of keys) expect(key).toMatch(/^sl_(live|test)_(sub_)?[0-9A-Za-z]{40}$/);
    const listed = await client.as(mainKey, 'get', `/v1/sub-accounts/${subAccountId}/api-keys`).expect(200);
    expect(listed.body.items.map(({ keyPrefix }: { keyPrefix: string }) => keyPrefix)).toEqual(
      keys.slice(1).map((key) => key.slice(0, 12)),
    );
    for (const item of listed.body.items) expect(Object.keys(item)).not.toContain('key');
    later.push(listed);
  });

  it('puts no key in any later answer: uses, reads, changes, refusals and replays of the creations', async () => {
    for (const key of keys) {
      later.push(await client.as(key, 'post', '/v1/messages').send({ to: US, text: 'Hello' }).expect(202));
      later.push(
        await client.as(key, 'get', '/v1/me').expect(200),
        await client.as(key, 'get', '/v1/balance').expect(200),
      );
      later.push(await client.as(key, 'get', '/v1/messages').expect(200));
      later.push(
        await client.as(`${key.slice(0, -1)}!`, 'get', '/v1/me').expect(401),
        await client.as(`${key}0`, 'get', '/v1/me').expect(401),
      );
    }
    later.push(
      await client.as(mainKey, 'get', '/v1/sub-accounts').expect(200),
      await client.as(mainKey, 'get', `/v1/sub-accounts/${subAccountId}`).expect(200),
      await client.as(mainKey, 'patch', `/v1/sub-accounts/${subAccountId}`).send({ name: 'Renamed' }).expect(200),
      await client.as(mainKey, 'get', `/v1/sub-accounts/${subAccountId}/balance`).expect(200),
      await client.admin('get', `/admin/v1/teams/${teamId}`).expect(200),
      await client.admin('get', `/admin/v1/teams/${teamId}/ledger?limit=100`).expect(200),
      await client
        .admin('post', '/admin/v1/teams')
        .set('Idempotency-Key', 'create-team')
        .send({ name: 'Secretive' })
        .expect(201),
      await client
        .as(mainKey, 'post', '/v1/sub-accounts')
        .set('Idempotency-Key', 'create-sub')
        .send({ name: 'Sub' })
        .expect(201),
      await client
        .as(mainKey, 'post', `/v1/sub-accounts/${subAccountId}/api-keys`)
        .set('Idempotency-Key', 'create-key')
        .send({ name: 'Live' })
        .expect(201),
      await client.as(mainKey, 'delete', `/v1/sub-accounts/${subAccountId}/api-keys/${extraKeyId}`).expect(204),
      await client.as(mainKey, 'get', `/v1/sub-accounts/${subAccountId}/api-keys`).expect(200),
      await client.as(mainKey, 'delete', `/v1/sub-accounts/${subAccountId}`).expect(200),
    );
    const replays = later.slice(-6, -3);
    expect(replays.map((replay) => replay.headers['idempotent-replayed'])).toEqual(['true', 'true', 'true']);
    expect([replays[0].body.apiKey.key, replays[1].body.subAccount.apiKey, replays[2].body.apiKey.key]).toEqual([
      '[redacted]',
      '[redacted]',
      '[redacted]',
    ]);
    const leaking = later.filter((response) =>
      keys.some((key) => `${JSON.stringify(response.headers)}${response.text}`.includes(secretOf(key))),
    );
    expect(leaking.map(({ request }) => `${request.method} ${request.url}`)).toEqual([]);
  });

  it('stores a digest of every key and no key, in any text or JSON column of any table', async () => {
    await waitForBackgroundWrites(testApp, [teamId]);
    const accounts = testApp.storeOf('accounts');
    const stored = await readStoredText(accounts);
    const leaks = stored
      .filter(({ value }) => keys.some((key) => value.includes(secretOf(key))))
      .map(({ where }) => where);
    expect(leaks).toEqual([]);
    const digests = stored
      .filter(({ where }) => where === `${accounts.schema}.accounts_api_keys.digest`)
      .map(({ value }) => value);
    expect(digests).toEqual(expect.arrayContaining(keys.map(apiKeyDigest)));
  });
});
