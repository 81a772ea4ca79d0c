import type { EmbeddedTestClient, TestTeam } from '../../test-app/embedded-test-client';
import { RATE_LIMIT_OUT_OF_REACH, testMode, type TestApp } from '../../test-app/test-app';
import { startTestClient } from '../../test-app/use-test-app';
import { callWith, expectRefusal } from './security-test-app';
import { ROUTES_WITH_AN_ID } from './sub-account-routes';

const US = '+14155550100';
const THEIR_RECIPIENT = '+442071838750';

/** docs/contract.md §4, §5: another team's sub-accounts, keys and messages do not exist for a caller. */
describe(`teams are walled off from each other (${testMode()})`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let ours: TestTeam & { sub: { id: string; apiKey: string } };
  let theirs: TestTeam & { sub: { id: string; apiKey: string; keyId: string }; messageIds: string[]; balance: unknown };

  beforeAll(async () => {
    ({ testApp, client } = await startTestClient(RATE_LIMIT_OUT_OF_REACH));
    const a = await client.createTeam('Team A');
    await client.topUp(a.teamId, 1000);
    ours = { ...a, sub: await client.createSubAccount(a.mainKey, { name: 'A sub' }) };
    await client.as(a.mainKey, 'post', '/v1/messages').send({ to: US, text: 'from A' }).expect(202);
    const b = await client.createTeam('Team B');
    await client.topUp(b.teamId, 1000);
    const sub = await client.createSubAccount(b.mainKey, {
      name: 'B sub',
      externalId: 'b-ext',
      creditLimit: 500,
      metadata: { owner: 'b' },
    });
    const keyId = (await client.as(b.mainKey, 'get', `/v1/sub-accounts/${sub.id}/api-keys`).expect(200)).body.items[0]
      .id;
    const messageIds: string[] = [];
    for (const key of [b.mainKey, sub.apiKey])
      messageIds.push(
        (await client.as(key, 'post', '/v1/messages').send({ to: THEIR_RECIPIENT, text: 'B private' }).expect(202)).body
          .message.id,
      );
    const balance = (await client.as(sub.apiKey, 'get', '/v1/balance').expect(200)).body;
    theirs = { ...b, sub: { ...sub, keyId }, messageIds, balance };
  });

  afterAll(() => testApp?.close());

  it.each(ROUTES_WITH_AN_ID.map((route) => [route.name, route] as const))(
    "%s on team B's sub-account answers team A's main key 404 sub_account_not_found",
    async (_name, route) => {
      const response = await callWith(
        client,
        `Bearer ${ours.mainKey}`,
        route.call({ subAccountId: theirs.sub.id, keyId: theirs.sub.keyId }),
      );
      expectRefusal(response, 404, 'sub_account_not_found');
      expect(response.text).not.toMatch(/B sub|b-ext/);
    },
  );

  it("answers 404 for team B's main account id, and for B's key revoked through one of A's sub-accounts", async () => {
    expectRefusal(
      await client.as(ours.mainKey, 'get', `/v1/sub-accounts/${theirs.mainAccountId}`),
      404,
      'sub_account_not_found',
    );
    expectRefusal(
      await client.as(ours.mainKey, 'delete', `/v1/sub-accounts/${ours.sub.id}/api-keys/${theirs.sub.keyId}`),
      404,
      'api_key_not_found',
    );
  });

  it("answers 404 message_not_found to every key of team A for team B's messages", async () => {
    for (const key of [ours.mainKey, ours.sub.apiKey]) {
      for (const id of theirs.messageIds) {
        const response = await client.as(key, 'get', `/v1/messages/${id}`);
        expectRefusal(response, 404, 'message_not_found');
        expect(response.text).not.toContain('B private');
      }
    }
  });

  it("never lists team B's sub-accounts or messages to team A, whatever the filter", async () => {
    const subAccounts = await client.as(ours.mainKey, 'get', '/v1/sub-accounts?limit=100').expect(200);
    expect(subAccounts.body.items.map((item: { id: string }) => item.id)).toEqual([ours.sub.id]);
    for (const key of [ours.mainKey, ours.sub.apiKey]) {
      for (const query of ['', `?to=${encodeURIComponent(THEIR_RECIPIENT)}`, '?channel=sms&limit=100']) {
        const listed = await client.as(key, 'get', `/v1/messages${query}`).expect(200);
        const ids = listed.body.items.map((item: { id: string }) => item.id);
        for (const id of theirs.messageIds) expect(ids).not.toContain(id);
        expect(listed.text).not.toContain('B private');
      }
    }
  });

  it("left team B's sub-account, keys, balance and messages as they were", async () => {
    const fetched = await client.as(theirs.mainKey, 'get', `/v1/sub-accounts/${theirs.sub.id}`).expect(200);
    expect(fetched.body.subAccount).toMatchObject({
      name: 'B sub',
      externalId: 'b-ext',
      status: 'active',
      creditLimit: 500,
      metadata: { owner: 'b' },
    });
    const keys = await client.as(theirs.mainKey, 'get', `/v1/sub-accounts/${theirs.sub.id}/api-keys`).expect(200);
    expect(keys.body.items).toEqual([expect.objectContaining({ id: theirs.sub.keyId, revokedAt: null })]);
    expect((await client.as(theirs.sub.apiKey, 'get', '/v1/balance').expect(200)).body).toEqual(theirs.balance);
    const listed = await client.as(theirs.mainKey, 'get', '/v1/messages').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([theirs.messageIds[0]]);
  });
});
