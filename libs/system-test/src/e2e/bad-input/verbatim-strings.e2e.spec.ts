import { snapshotTestDatabase } from '../../test-app/database-state';
import type { EmbeddedTestClient, TestTeam } from '../../test-app/embedded-test-client';
import { testMode, type TestApp } from '../../test-app/test-app';
import { startTestClient } from '../../test-app/use-test-app';
import { SCRIPT_FRAGMENT, SQL_FRAGMENT } from './json-values';

const FRAGMENTS = [SQL_FRAGMENT, SCRIPT_FRAGMENT];

/**
 * Where SQL or script fragments are valid input (free text: names, references, message bodies,
 * metadata, idempotency keys), they are stored and answered back verbatim, as JSON data only, and
 * the tables they name are still there. The corpus leaves these out of its nothing-written check.
 */
describe(`SQL and script fragments as valid text (${testMode()})`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let team: TestTeam;

  beforeAll(async () => {
    ({ testApp, client } = await startTestClient());
    team = await client.createTeam();
    await client.topUp(team.teamId, 1000);
  });

  afterAll(() => testApp?.close());

  const expectJson = (response: { headers: Record<string, string> }) =>
    expect(response.headers['content-type']).toMatch(/^application\/json/);

  it.each(FRAGMENTS)('keeps a sub-account named %j, with that externalId and metadata, verbatim', async (text) => {
    const created = await client
      .as(team.mainKey, 'post', '/v1/sub-accounts')
      .send({ name: text, externalId: text, metadata: { [text]: text } })
      .expect(201);
    expectJson(created);
    const { id } = created.body.subAccount;
    const stored = { id, name: text, externalId: text, metadata: { [text]: text } };
    expect(created.body.subAccount).toMatchObject(stored);
    expect((await client.as(team.mainKey, 'get', `/v1/sub-accounts/${id}`).expect(200)).body.subAccount).toMatchObject(
      stored,
    );
    const listed = await client.as(team.mainKey, 'get', '/v1/sub-accounts?limit=100').expect(200);
    expect(listed.body.items).toContainEqual(expect.objectContaining(stored));
    const renamed = await client
      .as(team.mainKey, 'patch', `/v1/sub-accounts/${id}`)
      .send({ name: `${text} (2)` })
      .expect(200);
    expect(renamed.body.subAccount.name).toBe(`${text} (2)`);
  });

  it.each(FRAGMENTS)('keeps an API key named %j, with that permission, verbatim', async (text) => {
    const sub = await client.createSubAccount(team.mainKey, { name: 'Keys' });
    const created = await client
      .as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/api-keys`)
      .send({ name: text, permissions: [text] })
      .expect(201);
    expect(created.body.apiKey.name).toBe(text);
    const listed = await client.as(team.mainKey, 'get', `/v1/sub-accounts/${sub.id}/api-keys`).expect(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: created.body.apiKey.id, name: text, permissions: [text] }),
    );
  });

  it.each(FRAGMENTS)('keeps a team named %j verbatim', async (text) => {
    const created = await client.admin('post', '/admin/v1/teams').send({ name: text }).expect(201);
    expect(created.body.team.name).toBe(text);
    expect((await client.as(created.body.apiKey.key, 'get', '/v1/me').expect(200)).body.team).toEqual({
      id: created.body.team.id,
      name: text,
    });
    expect((await client.admin('get', `/admin/v1/teams/${created.body.team.id}`).expect(200)).body.team.name).toBe(
      text,
    );
  });

  it.each(FRAGMENTS)(
    'sends, stores and lists a message whose text, subject, HTML, metadata and idempotency key are %j',
    async (text) => {
      const body = {
        to: 'ana@example.com',
        subject: text,
        text,
        htmlBody: text,
        metadata: { [text]: text },
        idempotencyKey: text,
      };
      const sent = await client.as(team.mainKey, 'post', '/v1/messages').send(body).expect(202);
      expectJson(sent);
      const stored = { text, metadata: { [text]: text } };
      expect(sent.body.message).toMatchObject(stored);
      // Read first through the API, which waits for the record handed over before the 202.
      expect(
        (await client.as(team.mainKey, 'get', `/v1/messages/${sent.body.message.id}`).expect(200)).body.message,
      ).toMatchObject(stored);
      // The Zavu message object has no subject or HTML body: they are stored, as sent.
      const accounts = testApp.storeOf('accounts');
      const { rows } = await accounts.sql.query(
        `SELECT subject, html_body FROM ${accounts.quotedSchema}.accounts_messages WHERE id = $1`,
        [sent.body.message.id],
      );
      expect(rows).toEqual([{ subject: text, html_body: text }]);
      const replayed = await client.as(team.mainKey, 'post', '/v1/messages').send(body).expect(202);
      expect({ replayed: replayed.headers['idempotent-replayed'], id: replayed.body.message.id }).toEqual({
        replayed: 'true',
        id: sent.body.message.id,
      });
      const listed = await client
        .as(team.mainKey, 'get', `/v1/messages?to=${encodeURIComponent('ana@example.com')}`)
        .expect(200);
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: sent.body.message.id, ...stored }));
    },
  );

  it.each(FRAGMENTS)('records a top-up referenced %j and an adjustment for that reason verbatim', async (text) => {
    await client
      .admin('post', `/admin/v1/teams/${team.teamId}/top-ups`)
      .set('Idempotency-Key', `verbatim ${text}`)
      .send({ amount: 5, reference: text })
      .expect(201);
    await client
      .admin('post', `/admin/v1/teams/${team.teamId}/adjustments`)
      .send({ amount: 1, reason: text })
      .expect(201);
    const ledger = await client.admin('get', `/admin/v1/teams/${team.teamId}/ledger?limit=100`).expect(200);
    expect(ledger.body.items).toContainEqual(expect.objectContaining({ type: 'TopUpRecorded', reference: text }));
    expect(ledger.body.items).toContainEqual(expect.objectContaining({ reason: text, amount: '0.01' }));
  });

  it('still has every table the fragments name, with its rows', async () => {
    const { tables } = await snapshotTestDatabase(testApp);
    expect(tables[`${testApp.storeOf('accounts').schema}.accounts_projects`].rows).toBeGreaterThan(1);
    expect((await client.as(team.mainKey, 'get', '/v1/sub-accounts').expect(200)).body.items.length).toBeGreaterThan(0);
  });

  it.each(FRAGMENTS)(
    'refuses a top-up or an adjustment of team %j with 404, appending no event and moving no balance',
    async (text) => {
      const before = await snapshotTestDatabase(testApp);
      const balance = (await client.as(team.mainKey, 'get', '/v1/balance').expect(200)).body.balance;
      const path = `/admin/v1/teams/${encodeURIComponent(text)}`;
      const topUp = await client
        .admin('post', `${path}/top-ups`)
        .set('Idempotency-Key', `unknown team ${text}`)
        .send({ amount: 5 })
        .expect(404);
      const adjustment = await client.admin('post', `${path}/adjustments`).send({ amount: 5, reason: 'x' }).expect(404);
      expect([topUp.body.code, adjustment.body.code]).toEqual(['team_not_found', 'team_not_found']);
      const after = await snapshotTestDatabase(testApp);
      expect(after.globalPosition).toBe(before.globalPosition);
      const balances = `${testApp.storeOf('ledger').schema}.ledger_team_balances`;
      expect(before.tables[balances]?.rows).toBeGreaterThan(0);
      expect(after.tables[balances]).toEqual(before.tables[balances]);
      expect((await client.as(team.mainKey, 'get', '/v1/balance').expect(200)).body.balance).toBe(balance);
    },
  );
});
