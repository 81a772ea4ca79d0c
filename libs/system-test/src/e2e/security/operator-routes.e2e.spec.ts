import { snapshotTestDatabase, waitForBackgroundWrites } from '../../test-app/database-state';
import type { EmbeddedTestClient, TestTeam } from '../../test-app/embedded-test-client';
import { RATE_LIMIT_OUT_OF_REACH, testMode, type TestApp } from '../../test-app/test-app';
import { startTestClient } from '../../test-app/use-test-app';
import { callWith, expectRefusal } from './security-test-app';
import type { RouteCall } from './sub-account-routes';

/** docs/contract.md §2, §7: operator routes take the ADMIN_TOKEN and nothing else, and say nothing to anyone else. */
describe(`operator routes (${testMode()})`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let team: TestTeam;
  let subKey: string;

  beforeAll(async () => {
    ({ testApp, client } = await startTestClient(RATE_LIMIT_OUT_OF_REACH));
    team = await client.createTeam('Operated');
    await client.topUp(team.teamId, 1000);
    subKey = (await client.createSubAccount(team.mainKey, { name: 'Sub' })).apiKey;
  });

  afterAll(() => testApp?.close());

  const operatorCalls = (): [string, RouteCall][] => [
    ['POST /admin/v1/teams', { method: 'post', path: '/admin/v1/teams', body: { name: 'Intruder' } }],
    [
      'POST /admin/v1/teams/:id/top-ups',
      { method: 'post', path: `/admin/v1/teams/${team.teamId}/top-ups`, body: { amount: 1_000_000 } },
    ],
    [
      'POST /admin/v1/teams/:id/adjustments',
      { method: 'post', path: `/admin/v1/teams/${team.teamId}/adjustments`, body: { amount: -1000, reason: 'Drain' } },
    ],
    ['GET /admin/v1/teams/:id', { method: 'get', path: `/admin/v1/teams/${team.teamId}` }],
    ['GET /admin/v1/teams/:id/ledger', { method: 'get', path: `/admin/v1/teams/${team.teamId}/ledger` }],
  ];

  const wrongCredentials = (): [string, string | null][] => [
    ['no token', null],
    ['a wrong token', 'Bearer wrong-token-of-at-least-32-characters-long'],
    ['the token with a character more', `Bearer ${testApp.adminToken}x`],
    ['the token less its last character', `Bearer ${testApp.adminToken.slice(0, -1)}`],
    ['the token without a scheme', testApp.adminToken],
    ['the token as Basic credentials', `Basic ${testApp.adminToken}`],
    ['a main-account key', `Bearer ${team.mainKey}`],
    ['a sub-account key', `Bearer ${subKey}`],
  ];

  it('refuses every operator route to every other credential with 401, leaking nothing and changing nothing', async () => {
    await waitForBackgroundWrites(testApp, [team.teamId]);
    const before = await snapshotTestDatabase(testApp);
    for (const [route, call] of operatorCalls()) {
      for (const [credential, authorization] of wrongCredentials()) {
        const response = await callWith(client, authorization, call);
        expect({ route, credential, status: response.status }).toEqual({ route, credential, status: 401 });
        expectRefusal(response, 401, 'invalid_admin_token');
        expect(response.body.details).toEqual({});
        expect(response.text).not.toMatch(new RegExp(`${team.teamId}|${team.mainAccountId}|Operated|balance`));
      }
    }
    await waitForBackgroundWrites(testApp, [team.teamId]);
    expect(await snapshotTestDatabase(testApp)).toEqual(before);
  });

  it('answers the operator token, and only it, on those routes', async () => {
    const details = await client.admin('get', `/admin/v1/teams/${team.teamId}`).expect(200);
    expect(details.body).toMatchObject({ team: { id: team.teamId, name: 'Operated' }, balance: 1000 });
  });

  it('does not take the operator token as an API key on /v1 routes', async () => {
    for (const path of ['/v1/me', '/v1/balance', '/v1/sub-accounts']) {
      expectRefusal(
        await client.http.get(path).set('Authorization', `Bearer ${testApp.adminToken}`),
        401,
        'invalid_api_key',
      );
    }
  });
});
