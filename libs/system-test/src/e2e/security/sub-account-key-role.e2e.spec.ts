import type { EmbeddedTestClient, TestTeam } from '../../test-app/embedded-test-client';
import { RATE_LIMIT_OUT_OF_REACH, testMode, type TestApp } from '../../test-app/test-app';
import { startTestClient } from '../../test-app/use-test-app';
import { callWith, expectRefusal } from './security-test-app';
import { SUB_ACCOUNT_ROUTES } from './sub-account-routes';

const US = '+14155550100';

/** docs/contract.md §2: a sub-account key sends, and reads its own balance, messages and /v1/me; nothing more. */
describe(`what a sub-account key may reach (${testMode()})`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let team: TestTeam;
  let caller: { id: string; apiKey: string; testKey: string };
  let sibling: { id: string; apiKey: string; keyId: string; messageId: string };

  beforeAll(async () => {
    ({ testApp, client } = await startTestClient(RATE_LIMIT_OUT_OF_REACH));
    team = await client.createTeam();
    await client.topUp(team.teamId, 1000);
    const own = await client.createSubAccount(team.mainKey, { name: 'Caller' });
    const testKey = (
      await client
        .as(team.mainKey, 'post', `/v1/sub-accounts/${own.id}/api-keys`)
        .send({ name: 'Test', environment: 'test' })
        .expect(201)
    ).body.apiKey.key;
    caller = { ...own, testKey };
    const other = await client.createSubAccount(team.mainKey, { name: 'Sibling' });
    const keyId = (await client.as(team.mainKey, 'get', `/v1/sub-accounts/${other.id}/api-keys`).expect(200)).body
      .items[0].id;
    const messageId = (
      await client.as(other.apiKey, 'post', '/v1/messages').send({ to: US, text: 'Sibling secret' }).expect(202)
    ).body.message.id;
    sibling = { ...other, keyId, messageId };
  });

  afterAll(() => testApp?.close());

  describe.each([
    ['its own', () => ({ subAccountId: caller.id, keyId: 'key_unknown' })],
    ["a sibling's", () => ({ subAccountId: sibling.id, keyId: sibling.keyId })],
  ])('aimed at %s sub-account', (_target, target) => {
    it.each(SUB_ACCOUNT_ROUTES.map((route) => [route.name, route] as const))(
      '%s answers 403 forbidden_for_sub_account to live and test sub-account keys',
      async (_name, route) => {
        for (const key of [caller.apiKey, caller.testKey]) {
          const response = await callWith(client, `Bearer ${key}`, route.call(target()));
          expectRefusal(response, 403, 'forbidden_for_sub_account');
          expect(response.text).not.toContain('Sibling');
        }
      },
    );
  });

  it('changed nothing with those calls: same sub-accounts, names, limits and keys, every key still working', async () => {
    const listed = await client.as(team.mainKey, 'get', '/v1/sub-accounts').expect(200);
    expect(
      listed.body.items.map(({ id, name, status, creditLimit }: Record<string, unknown>) => ({
        id,
        name,
        status,
        creditLimit,
      })),
    ).toEqual([
      { id: caller.id, name: 'Caller', status: 'active', creditLimit: null },
      { id: sibling.id, name: 'Sibling', status: 'active', creditLimit: null },
    ]);
    const keys = await client.as(team.mainKey, 'get', `/v1/sub-accounts/${sibling.id}/api-keys`).expect(200);
    expect(keys.body.items).toEqual([expect.objectContaining({ id: sibling.keyId, revokedAt: null })]);
    for (const key of [caller.apiKey, caller.testKey, sibling.apiKey])
      await client.as(key, 'get', '/v1/me').expect(200);
  });

  it("cannot read a sibling's message or the main account's: 404, and its list holds its own only", async () => {
    const mainMessage = (
      await client.as(team.mainKey, 'post', '/v1/messages').send({ to: US, text: 'Main secret' }).expect(202)
    ).body.message.id;
    const own = (await client.as(caller.apiKey, 'post', '/v1/messages').send({ to: US, text: 'Mine' }).expect(202)).body
      .message.id;
    for (const id of [sibling.messageId, mainMessage]) {
      const response = await client.as(caller.apiKey, 'get', `/v1/messages/${id}`);
      expectRefusal(response, 404, 'message_not_found');
      expect(response.text).not.toMatch(/secret/);
    }
    const listed = await client.as(caller.apiKey, 'get', `/v1/messages?to=${encodeURIComponent(US)}`).expect(200);
    expect(listed.body.items.map((message: { id: string }) => message.id)).toEqual([own]);
  });

  it('still sends and reads its own balance, messages and identity', async () => {
    const sent = (await client.as(caller.apiKey, 'post', '/v1/messages').send({ to: US, text: 'Allowed' }).expect(202))
      .body.message;
    await client.as(caller.apiKey, 'get', `/v1/messages/${sent.id}`).expect(200);
    expect((await client.as(caller.apiKey, 'get', '/v1/balance').expect(200)).body).toMatchObject({
      isSubAccount: true,
    });
    expect((await client.as(caller.apiKey, 'get', '/v1/me').expect(200)).body.project).toEqual({
      id: caller.id,
      name: 'Caller',
      isSubAccount: true,
    });
  });
});
