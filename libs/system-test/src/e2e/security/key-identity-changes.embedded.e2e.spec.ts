import { AccountsClient } from '@subledger/gateway-feature/testing';
import { type EmbeddedTestApp, startEmbeddedTestApp } from '../../test-app/embedded-test-app';
import { EmbeddedTestClient, type TestTeam } from '../../test-app/embedded-test-client';

/**
 * In one process the gateway keeps key identities for a minute, and the accounts service tells it
 * of every change of a team's keys and accounts before answering (KeyIdentityChanges). A change
 * made without the gateway's routes, as the deletion sweep makes them, is seen on the very next
 * call: the clock never moves here, so an identity kept any longer would still authenticate.
 */
describe('key identities in one process: changes made past the gateway (embedded)', () => {
  let testApp: EmbeddedTestApp;
  let client: EmbeddedTestClient;
  let accounts: AccountsClient;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await startEmbeddedTestApp();
    client = new EmbeddedTestClient(testApp);
    accounts = testApp.app.get(AccountsClient);
    team = await client.createTeam();
  });

  afterAll(() => testApp.close());

  const newKey = async (subAccountId: string) =>
    (
      await client
        .as(team.mainKey, 'post', `/v1/sub-accounts/${subAccountId}/api-keys`)
        .send({ name: 'Extra' })
        .expect(201)
    ).body.apiKey as { id: string; key: string };

  it('refuses a key revoked by a command sent straight to the accounts service, on the next call, while its sibling works', async () => {
    const sub = await client.createSubAccount(team.mainKey);
    const extra = await newKey(sub.id);
    await client.as(extra.key, 'get', '/v1/me').expect(200);
    await client.as(sub.apiKey, 'get', '/v1/me').expect(200);

    await accounts.command({
      type: 'RevokeApiKey',
      teamId: team.teamId,
      accountId: sub.id,
      keyId: extra.id,
      at: testApp.clock.now(),
    });

    expect((await client.as(extra.key, 'get', '/v1/me').expect(401)).body.code).toBe('invalid_api_key');
    await client.as(sub.apiKey, 'get', '/v1/me').expect(200);
  });

  it('refuses the keys of an account deactivated straight through the accounts service, on the next call', async () => {
    const sub = await client.createSubAccount(team.mainKey);
    await client.as(sub.apiKey, 'get', '/v1/me').expect(200);

    await accounts.command({
      type: 'DeactivateSubAccount',
      teamId: team.teamId,
      accountId: sub.id,
      at: testApp.clock.now(),
    });

    expect((await client.as(sub.apiKey, 'get', '/v1/me').expect(401)).body.code).toBe('invalid_api_key');
  });
});
