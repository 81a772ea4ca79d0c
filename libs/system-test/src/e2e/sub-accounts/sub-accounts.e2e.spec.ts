import type { TestTeam } from '../../test-app/embedded-test-client';
import { instantBetween } from '../../test-app/instant-between';
import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

const DAY_MS = 86_400_000;

describe(`/v1/sub-accounts end to end (${testMode()})`, () => {
  const { testApp, client } = useTestApp();
  let team: TestTeam;

  beforeEach(async () => {
    team = await client().createTeam();
  });

  it('creates a sub-account with its first key, shown once', async () => {
    const from = testApp().now();
    const response = await client()
      .as(team.mainKey, 'post', '/v1/sub-accounts')
      .send({ name: 'Acme', externalId: 'ext-1', creditLimit: 5000, metadata: { plan: 'pro' } })
      .expect(201);
    expect(response.body).toEqual({
      subAccount: {
        id: expect.stringMatching(/^proj_[0-9A-Za-z]{22}$/),
        name: 'Acme',
        externalId: 'ext-1',
        status: 'active',
        totalSpent: 0,
        creditLimit: 5000,
        metadata: { plan: 'pro' },
        createdAt: instantBetween(from, testApp().now()),
        apiKey: expect.stringMatching(/^sl_live_sub_[0-9A-Za-z]{40}$/),
      },
    });
    const id = response.body.subAccount.id as string;
    const fetched = await client().as(team.mainKey, 'get', `/v1/sub-accounts/${id}`).expect(200);
    expect(fetched.body.subAccount).not.toHaveProperty('apiKey');
    expect(fetched.body.subAccount).toMatchObject({ id, creditLimit: 5000, totalSpent: 0 });
  });

  it('lists sub-accounts oldest first, page by page', async () => {
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await client().createSubAccount(team.mainKey, { name })).id);
    const first = await client().as(team.mainKey, 'get', '/v1/sub-accounts?limit=2').expect(200);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 2));
    const second = await client()
      .as(team.mainKey, 'get', `/v1/sub-accounts?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
  });

  it('answers 404 for the main account and for another team’s sub-account', async () => {
    const other = await client().createTeam('Other');
    const theirs = await client().createSubAccount(other.mainKey);
    for (const id of [team.mainAccountId, theirs.id, 'proj_unknown']) {
      const response = await client().as(team.mainKey, 'get', `/v1/sub-accounts/${id}`).expect(404);
      expect(response.body.code).toBe('sub_account_not_found');
      await client().as(team.mainKey, 'patch', `/v1/sub-accounts/${id}`).send({ name: 'X' }).expect(404);
      await client().as(team.mainKey, 'delete', `/v1/sub-accounts/${id}`).expect(404);
    }
  });

  it('refuses every /v1/sub-accounts route to a sub-account key with 403', async () => {
    const sub = await client().createSubAccount(team.mainKey);
    const response = await client().as(sub.apiKey, 'get', '/v1/sub-accounts').expect(403);
    expect(response.body.code).toBe('forbidden_for_sub_account');
  });

  it('refuses a taken externalId with 409 and bad fields with 400 naming each', async () => {
    await client().createSubAccount(team.mainKey, { name: 'A', externalId: 'same' });
    const taken = await client()
      .as(team.mainKey, 'post', '/v1/sub-accounts')
      .send({ name: 'B', externalId: 'same' })
      .expect(409);
    expect(taken.body.code).toBe('external_id_taken');
    const invalid = await client()
      .as(team.mainKey, 'post', '/v1/sub-accounts')
      .send({ name: '', creditLimit: -1, extra: true })
      .expect(400);
    expect(invalid.body.details.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'creditLimit',
      'extra',
      'name',
    ]);
  });

  it('suspends with PATCH: the very next call with its key answers 403, and resumes', async () => {
    const sub = await client().createSubAccount(team.mainKey);
    await client().as(sub.apiKey, 'get', '/v1/balance').expect(200);
    const suspended = await client()
      .as(team.mainKey, 'patch', `/v1/sub-accounts/${sub.id}`)
      .send({ status: 'inactive', creditLimit: 0 })
      .expect(200);
    expect(suspended.body.subAccount).toMatchObject({ status: 'inactive', creditLimit: null });
    expect((await client().as(sub.apiKey, 'get', '/v1/balance').expect(403)).body.code).toBe('account_inactive');
    await client().as(team.mainKey, 'patch', `/v1/sub-accounts/${sub.id}`).send({ status: 'active' }).expect(200);
    await client().as(sub.apiKey, 'get', '/v1/balance').expect(200);
  });

  it('deactivates with DELETE, revoking every key at once', async () => {
    const sub = await client().createSubAccount(team.mainKey);
    await client().as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/api-keys`).send({ name: 'Second' }).expect(201);
    await client().as(sub.apiKey, 'get', '/v1/me').expect(200);
    const response = await client().as(team.mainKey, 'delete', `/v1/sub-accounts/${sub.id}`).expect(200);
    expect(response.body).toEqual({ message: 'Sub-account deactivated', keysRevoked: 2 });
    expect((await client().as(sub.apiKey, 'get', '/v1/me').expect(401)).body.code).toBe('invalid_api_key');
  });

  it('manages API keys: create (shown once), list with revokedAt, revoke with 204', async () => {
    const sub = await client().createSubAccount(team.mainKey);
    const created = await client()
      .as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/api-keys`)
      .send({ name: 'CI', environment: 'test', permissions: ['messages:send'] })
      .expect(201);
    expect(created.body).toEqual({
      apiKey: {
        id: expect.stringMatching(/^key_/),
        key: expect.stringMatching(/^sl_test_sub_/),
        name: 'CI',
        environment: 'test',
      },
    });
    await client().as(created.body.apiKey.key, 'get', '/v1/me').expect(200);
    const from = testApp().now();
    await client()
      .as(team.mainKey, 'delete', `/v1/sub-accounts/${sub.id}/api-keys/${created.body.apiKey.id}`)
      .expect(204);
    const revokedAt = instantBetween(from, testApp().now());
    await client().as(created.body.apiKey.key, 'get', '/v1/me').expect(401);
    const listed = await client().as(team.mainKey, 'get', `/v1/sub-accounts/${sub.id}/api-keys`).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        name: 'Default',
        keyPrefix: sub.apiKey.slice(0, 12),
        environment: 'live',
        revokedAt: null,
      }),
      expect.objectContaining({ name: 'CI', environment: 'test', permissions: ['messages:send'], revokedAt }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.apiKey.key);
  });

  it('schedules a deletion (keys revoked, deleteAt in 14 days) and restores it without keys', async () => {
    await client().createSubAccount(team.mainKey, { name: 'Keeper' });
    const sub = await client().createSubAccount(team.mainKey, { name: 'Leaving' });
    const from = testApp().now();
    const scheduled = await client().as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/deletion`).expect(200);
    expect(scheduled.body.subAccount).toMatchObject({
      status: 'pending_deletion',
      deleteAt: instantBetween(from + 14 * DAY_MS, testApp().now() + 14 * DAY_MS),
    });
    await client().as(sub.apiKey, 'get', '/v1/me').expect(401);
    const restored = await client().as(team.mainKey, 'delete', `/v1/sub-accounts/${sub.id}/deletion`).expect(200);
    expect(restored.body.subAccount.status).toBe('active');
    expect(restored.body.subAccount).not.toHaveProperty('deleteAt');
    await client().as(sub.apiKey, 'get', '/v1/me').expect(401);
  });

  it('shows a sub-account balance with its spend and limit', async () => {
    await client().topUp(team.teamId, 10_000);
    const sub = await client().createSubAccount(team.mainKey, { name: 'Capped', creditLimit: 250 });
    const response = await client().as(team.mainKey, 'get', `/v1/sub-accounts/${sub.id}/balance`).expect(200);
    expect(response.body).toEqual({
      balance: 10_000,
      currency: 'usd',
      isSubAccount: true,
      totalSpent: 0,
      creditLimit: 250,
    });
  });
});
