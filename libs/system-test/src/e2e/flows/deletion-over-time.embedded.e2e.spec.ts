import { everyRowAsText } from '@subledger/test-harness';
import { IdempotencyCleanup } from '@subledger/gateway-feature/testing';
import { type EmbeddedTestApp, startEmbeddedTestApp } from '../../test-app/embedded-test-app';
import { EmbeddedTestClient, type TestTeam } from '../../test-app/embedded-test-client';
import { ledgerFacts } from './support/ledger-facts';

const DAY_MS = 24 * 60 * 60 * 1000;

// What the leaving sub-account and its messages said: none of it may survive the purge.
const PERSONAL = {
  name: 'Brigitte Leaving-Customer',
  externalId: 'crm-secret-4711',
  metadata: 'meta-secret-8812',
  phone: '+14155550177',
  text: 'Text secret 314159',
  email: 'brigitte.secret@example.com',
  subject: 'Subject secret 2718',
  html: '<p>Html secret 1618</p>',
};

interface Swept {
  readonly day: number;
  readonly reminders: readonly number[];
  readonly purged: boolean;
}

/**
 * docs/contract.md §4 deletion as time passes (a ManualClock moved day by day, never a sleep): one sub-account
 * restored on day 3, another left until its deleteAt on day 14 and purged there.
 */
describe('sub-account deletion over fourteen days (embedded)', () => {
  let testApp: EmbeddedTestApp;
  let client: EmbeddedTestClient;
  let team: TestTeam;
  let restored: { id: string; apiKey: string };
  let leaving: { id: string; apiKey: string };
  let scheduledAt: number;
  const swept = new Map<string, Swept[]>();

  beforeAll(async () => {
    testApp = await startEmbeddedTestApp();
    client = new EmbeddedTestClient(testApp);
    team = await client.createTeam();
    await client.topUp(team.teamId, 1_000);
    restored = await client.createSubAccount(team.mainKey, { name: 'Coming back' });
    const created = await client
      .as(team.mainKey, 'post', '/v1/sub-accounts')
      .set('Idempotency-Key', 'create-leaving')
      .send({
        name: PERSONAL.name,
        externalId: PERSONAL.externalId,
        creditLimit: 500,
        metadata: { note: PERSONAL.metadata },
      })
      .expect(201);
    leaving = { id: created.body.subAccount.id, apiKey: created.body.subAccount.apiKey };
    await client
      .as(leaving.apiKey, 'post', '/v1/messages')
      .set('Idempotency-Key', 'sms-1')
      .send({ to: PERSONAL.phone, text: PERSONAL.text })
      .expect(202);
    await client
      .as(leaving.apiKey, 'post', '/v1/messages')
      .send({ to: PERSONAL.email, subject: PERSONAL.subject, text: PERSONAL.text, htmlBody: PERSONAL.html })
      .expect(202);
    await testApp.carrier.settled();
  });

  afterAll(() => testApp.close());

  const remindersIn = async (accountId: string) =>
    (await testApp.store.readStream(`account-${accountId}`))
      .filter((event) => event.type === 'DeletionReminderRecorded')
      .map((event) => event.data.day);

  /** Runs the sweep twice at the clock's time (the second must find nothing left to do) and notes what it did. */
  async function sweep(): Promise<void> {
    const day = (testApp.clock.now() - scheduledAt) / DAY_MS;
    for (const result of await testApp.deletions.runDue()) {
      if (!result.reply.ok) throw new Error(`sweep refused on day ${day}: ${JSON.stringify(result.reply.refusal)}`);
      const { remindersRecorded, purged } = result.reply.value;
      swept.set(result.accountId, [
        ...(swept.get(result.accountId) ?? []),
        { day, reminders: remindersRecorded, purged },
      ]);
    }
    expect(await testApp.deletions.runDue()).toEqual([]);
  }

  it('schedules both deletions: every key refused at once, pending_deletion, deleteAt 14 days on, the day-0 reminder recorded', async () => {
    await client
      .as(team.mainKey, 'post', `/v1/sub-accounts/${leaving.id}/api-keys`)
      .send({ name: 'Second' })
      .expect(201);
    scheduledAt = testApp.clock.now();
    for (const sub of [restored, leaving]) {
      await client.as(sub.apiKey, 'get', '/v1/balance').expect(200);
      const response = await client.as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/deletion`).expect(200);
      expect(response.body.subAccount).toMatchObject({
        id: sub.id,
        status: 'pending_deletion',
        deleteAt: new Date(scheduledAt + 14 * DAY_MS).toISOString(),
      });
      expect((await client.as(sub.apiKey, 'get', '/v1/balance').expect(401)).body.code).toBe('invalid_api_key');
      expect(await remindersIn(sub.id)).toEqual([0]);
    }
    const keys = await client.as(team.mainKey, 'get', `/v1/sub-accounts/${leaving.id}/api-keys`).expect(200);
    expect(keys.body.items.map((key: { revokedAt: number | null }) => key.revokedAt)).toEqual([
      scheduledAt,
      scheduledAt,
    ]);
    await sweep();
    expect(swept.size).toBe(0);
  });

  it('records each reminder once, on days 1, 7 and 12, as the sweep runs twice a day; a restore on day 3 ends them', async () => {
    for (let halfDays = 1; halfDays < 28; halfDays++) {
      testApp.clock.set(scheduledAt + halfDays * (DAY_MS / 2));
      if (halfDays === 6) {
        const response = await client
          .as(team.mainKey, 'delete', `/v1/sub-accounts/${restored.id}/deletion`)
          .expect(200);
        expect(response.body.subAccount.status).toBe('active');
        expect(response.body.subAccount).not.toHaveProperty('deleteAt');
      }
      await sweep();
    }
    expect(swept.get(restored.id)).toEqual([{ day: 1, reminders: [1], purged: false }]);
    expect(swept.get(leaving.id)).toEqual([1, 7, 12].map((day) => ({ day, reminders: [day], purged: false })));
    expect(await remindersIn(restored.id)).toEqual([0, 1]);
    expect(await remindersIn(leaving.id)).toEqual([0, 1, 7, 12]);
    expect(
      (await client.as(team.mainKey, 'get', `/v1/sub-accounts/${leaving.id}`).expect(200)).body.subAccount.status,
    ).toBe('pending_deletion');
  });

  it('leaves the restored account active without keys: the old key stays refused, a new one works', async () => {
    expect(
      (await client.as(team.mainKey, 'get', `/v1/sub-accounts/${restored.id}`).expect(200)).body.subAccount.status,
    ).toBe('active');
    const keys = await client.as(team.mainKey, 'get', `/v1/sub-accounts/${restored.id}/api-keys`).expect(200);
    expect(keys.body.items.every((key: { revokedAt: number | null }) => key.revokedAt !== null)).toBe(true);
    await client.as(restored.apiKey, 'get', '/v1/me').expect(401);
    const fresh = await client
      .as(team.mainKey, 'post', `/v1/sub-accounts/${restored.id}/api-keys`)
      .send({ name: 'After restore' })
      .expect(201);
    await client
      .as(fresh.body.apiKey.key, 'post', '/v1/messages')
      .send({ to: '+14155550100', text: 'Back again' })
      .expect(202);
  });

  it('purges the other on day 14: the last reminder, then gone from the API and anonymised in the team view', async () => {
    const before = await everyRowAsText(testApp.store);
    expect(Object.values(PERSONAL).filter((text) => !before.includes(text))).toEqual([]);
    testApp.clock.set(scheduledAt + 14 * DAY_MS);
    await sweep();
    expect(swept.get(leaving.id)?.at(-1)).toEqual({ day: 14, reminders: [14], purged: true });
    expect(swept.get(restored.id)).toHaveLength(1);
    expect(await remindersIn(leaving.id)).toEqual([0, 1, 7, 12, 14]);

    expect((await client.as(team.mainKey, 'get', `/v1/sub-accounts/${leaving.id}`).expect(404)).body.code).toBe(
      'sub_account_not_found',
    );
    const listed = await client.as(team.mainKey, 'get', '/v1/sub-accounts').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([restored.id]);
    const teamView = await client.admin('get', `/admin/v1/teams/${team.teamId}`).expect(200);
    expect(teamView.body.accounts.find((account: { id: string }) => account.id === leaving.id)).toMatchObject({
      kind: 'sub',
      status: 'purged',
      name: '',
      externalId: null,
      metadata: null,
      deleteAt: null,
      totalSpent: 1,
    });
  });

  it('leaves none of its personal data anywhere in the database, and every one of its ledger entries', async () => {
    // The gateway's ten-minute cleanup has run many times in fourteen days; here it runs once, now.
    await testApp.app.get(IdempotencyCleanup).run();
    const database = await everyRowAsText(testApp.store);
    expect(Object.values(PERSONAL).filter((text) => database.includes(text))).toEqual([]);
    expect(database).toContain(leaving.id);

    const facts = await ledgerFacts(testApp.store, team.teamId);
    const charges = [...facts.accepted].filter(([, charge]) => charge.accountId === leaving.id);
    expect(charges.map(([, charge]) => charge.amount).sort()).toEqual([1_000n, 7_900n]);
    const ledger = await client
      .admin('get', `/admin/v1/teams/${team.teamId}/ledger?accountId=${leaving.id}`)
      .expect(200);
    const listed = ledger.body.items.filter((entry: { type: string }) => entry.type === 'ChargeAccepted');
    expect(listed.map((entry: { chargeId: string; amount: string }) => [entry.chargeId, entry.amount]).sort()).toEqual(
      charges.map(([chargeId, charge]) => [chargeId, charge.amount === 1_000n ? '-0.001' : '-0.0079']).sort(),
    );
  });
});
