import { type EmbeddedTestApp, startEmbeddedTestApp } from '../../test-app/embedded-test-app';
import { EmbeddedTestClient } from '../../test-app/embedded-test-client';

/**
 * The services keep team states in memory and replay them from the event store after a miss (a
 * restart, or a team pushed out of the cache). A long-lived team has long streams: these flows run
 * with room for one team only, so that every other team's call makes the next one reload.
 */
describe('a long-lived team whose state is reloaded from its streams (embedded)', () => {
  let testApp: EmbeddedTestApp;
  let client: EmbeddedTestClient;

  beforeAll(async () => {
    testApp = await startEmbeddedTestApp({ accounts: { cachedTeams: 1 } });
    client = new EmbeddedTestClient(testApp);
  });

  afterAll(() => testApp.close());

  it('keeps serving a team with more than ten sub-accounts and keys once its state has been reloaded', async () => {
    const team = await client.createTeam('Long-lived');
    await client.topUp(team.teamId, 1_000);
    const subs = [];
    for (let i = 0; i < 12; i++)
      subs.push(await client.createSubAccount(team.mainKey, { name: `Customer ${i}`, externalId: `ext-${i}` }));
    const busy = subs[0];
    for (let i = 0; i < 11; i++)
      await client
        .as(team.mainKey, 'post', `/v1/sub-accounts/${busy.id}/api-keys`)
        .send({ name: `Key ${i}` })
        .expect(201);
    await client
      .as(team.mainKey, 'patch', `/v1/sub-accounts/${busy.id}`)
      .send({ externalId: 'ext-renamed', creditLimit: 2 })
      .expect(200);

    // Another team's call takes the only place in the cache.
    await client.createTeam('Other');

    const thirteenth = await client
      .as(team.mainKey, 'post', '/v1/sub-accounts')
      .send({ name: 'Customer 12', externalId: 'ext-12' })
      .expect(201);
    expect(thirteenth.body.subAccount.externalId).toBe('ext-12');
    await client.createTeam('Third');
    await client.as(team.mainKey, 'post', `/v1/sub-accounts/${busy.id}/api-keys`).send({ name: 'Key 11' }).expect(201);
    await client.createTeam('Fourth');
    // The replayed directory still knows which external ids are taken, and which were freed.
    expect(
      (
        await client
          .as(team.mainKey, 'post', '/v1/sub-accounts')
          .send({ name: 'Clash', externalId: 'ext-renamed' })
          .expect(409)
      ).body.code,
    ).toBe('external_id_taken');
    await client.as(team.mainKey, 'post', '/v1/sub-accounts').send({ name: 'Reuse', externalId: 'ext-0' }).expect(201);
    const keys = await client.as(team.mainKey, 'get', `/v1/sub-accounts/${busy.id}/api-keys`).expect(200);
    expect(keys.body.items).toHaveLength(13);
    const fetched = await client.as(team.mainKey, 'get', `/v1/sub-accounts/${busy.id}`).expect(200);
    expect(fetched.body.subAccount).toMatchObject({ externalId: 'ext-renamed', creditLimit: 2 });
    await client.as(busy.apiKey, 'post', '/v1/messages').send({ to: '+14155550100', text: 'Still here' }).expect(202);
  });
});
