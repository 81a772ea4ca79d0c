import { DeliveryReports, type DeliveryStatus } from '@subledger/accounts-feature';
import { type LedgerCommandReply, type RefundCharge, Topics } from '@subledger/contracts';
import { centsToMicros } from '@subledger/money';
import { type EmbeddedTestApp, startEmbeddedTestApp } from '../../testing/embedded-test-app';
import { EmbeddedTestClient, type TestTeam } from '../../testing/embedded-test-client';
import { SMS_SEGMENT_MICROS, US } from './support/http-calls';
import { ledgerFacts, ledgerProjection } from './support/ledger-facts';

interface Sent {
  readonly id: string;
  readonly key: string;
}

const TOP_UP_CENTS = 1_000;

/** One embedded app per carrier setting, a fresh team with USD 10 for each test. */
function carrierScenario(failureRate: number) {
  const scenario = {} as { testApp: EmbeddedTestApp; client: EmbeddedTestClient; team: TestTeam };
  beforeAll(async () => {
    scenario.testApp = await startEmbeddedTestApp({ accounts: { carrier: { failureRate } } });
    scenario.client = new EmbeddedTestClient(scenario.testApp);
  });
  afterAll(() => scenario.testApp.close());
  beforeEach(async () => {
    scenario.team = await scenario.client.createTeam();
    await scenario.client.topUp(scenario.team.teamId, TOP_UP_CENTS);
  });
  return {
    get: () => scenario,
    async sendAll(keys: readonly string[], perKey: number): Promise<Sent[]> {
      const sent: Sent[] = [];
      for (const key of keys) {
        for (let i = 0; i < perKey; i++) {
          const response = await scenario.client.as(key, 'post', '/v1/messages').send({ to: US, text: `Message ${i}` }).expect(202);
          sent.push({ id: response.body.message.id, key });
        }
      }
      await scenario.testApp.carrier.settled();
      return sent;
    },
    async statusesOf(sent: readonly Sent[]): Promise<string[]> {
      const statuses = [];
      for (const { id, key } of sent) statuses.push((await scenario.client.as(key, 'get', `/v1/messages/${id}`).expect(200)).body.message.status);
      return statuses;
    },
    /** Delivers every report again, several times over and out of order, as an at-least-once carrier may. */
    async reportAgain(sent: readonly Sent[]): Promise<void> {
      const reports = scenario.testApp.app.get(DeliveryReports);
      const statuses: DeliveryStatus[] = ['failed', 'sent', 'delivered', 'failed'];
      const replies = await Promise.all(
        sent.flatMap(({ id }) => statuses.map((status) => reports.report({ teamId: scenario.team.teamId, messageId: id, status, errorCode: null }))),
      );
      expect(replies.filter((reply) => !reply.ok)).toEqual([]);
    },
  };
}

describe('delivery with a carrier that fails every message (embedded)', () => {
  const flow = carrierScenario(1);

  it('ends every live message failed and refunds each charge exactly once, restoring balance and totalSpent', async () => {
    const { testApp, client, team } = flow.get();
    const sub = await client.createSubAccount(team.mainKey, { name: 'Sender', creditLimit: 100 });
    const sent = await flow.sendAll([team.mainKey, sub.apiKey], 4);
    expect(await flow.statusesOf(sent)).toEqual(sent.map(() => 'failed'));

    const facts = await ledgerFacts(testApp.store, team.teamId);
    expect([...facts.accepted.keys()].sort()).toEqual(sent.map((message) => message.id).sort());
    expect([...facts.refundsByCharge].sort()).toEqual(sent.map((message) => [message.id, 1]).sort());
    expect({ balance: facts.balance, spent: facts.spentBy(sub.id) }).toEqual({ balance: centsToMicros(TOP_UP_CENTS), spent: 0n });
    const projection = await ledgerProjection(testApp.store, team.teamId);
    expect({ balance: projection.balance, spent: projection.spent.get(sub.id) }).toEqual({ balance: facts.balance, spent: 0n });
    expect((await client.as(sub.apiKey, 'get', '/v1/balance').expect(200)).body).toMatchObject({ balance: TOP_UP_CENTS, totalSpent: 0 });
  });

  it('refunds nothing more when the reports, and the refunds themselves, are delivered again', async () => {
    const { testApp, team } = flow.get();
    const sent = await flow.sendAll([team.mainKey], 3);
    await flow.reportAgain(sent);
    // The ledger dedupes a refund by its charge too: the same command again (what the accounts
    // service sends after a crash between the ledger's refund and its own row update) gets the
    // stored answer, and a refund asked for another reason gets the earlier refund.
    for (const { id } of sent) {
      for (const reason of ['delivery_failed', 'operator_retry']) {
        const refund: RefundCharge = { type: 'RefundCharge', teamId: team.teamId, chargeId: id, reason, at: testApp.clock.now() };
        const reply = await testApp.bus.request<LedgerCommandReply>(Topics.ledgerCommands, team.teamId, refund, { timeoutMs: 5_000 });
        expect(reply).toMatchObject({ ok: true, value: { type: 'charge_refunded', chargeId: id, amount: SMS_SEGMENT_MICROS } });
      }
    }
    const facts = await ledgerFacts(testApp.store, team.teamId);
    expect(sent.map(({ id }) => facts.refundsByCharge.get(id))).toEqual([1, 1, 1]);
    expect(facts.balance).toBe(centsToMicros(TOP_UP_CENTS));
    expect(await flow.statusesOf(sent)).toEqual(['failed', 'failed', 'failed']);
  });

  it('never charges nor refunds a test key, whose messages fail all the same, and shows it in test mode', async () => {
    const { testApp, client, team } = flow.get();
    const sub = await client.createSubAccount(team.mainKey, { name: 'Tester' });
    const created = await client.as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/api-keys`).send({ name: 'Test', environment: 'test' }).expect(201);
    const testKey = created.body.apiKey.key as string;
    expect((await client.as(testKey, 'get', '/v1/me').expect(200)).body).toMatchObject({ project: { id: sub.id, isSubAccount: true }, isTestMode: true });
    expect((await client.as(sub.apiKey, 'get', '/v1/me').expect(200)).body.isTestMode).toBe(false);
    const sent = await flow.sendAll([testKey], 3);
    await flow.reportAgain(sent);
    expect(await flow.statusesOf(sent)).toEqual(['failed', 'failed', 'failed']);

    const facts = await ledgerFacts(testApp.store, team.teamId);
    expect({ accepted: facts.accepted.size, refused: facts.refusedChargeIds.length, refunds: facts.refundsByCharge.size }).toEqual({ accepted: 0, refused: 0, refunds: 0 });
    expect((await client.as(testKey, 'get', '/v1/balance').expect(200)).body).toMatchObject({ balance: TOP_UP_CENTS, totalSpent: 0 });
  });
});

describe('delivery with a carrier that delivers every message (embedded)', () => {
  const flow = carrierScenario(0);

  it('ends every message delivered, keeping every charge', async () => {
    const { testApp, client, team } = flow.get();
    const sub = await client.createSubAccount(team.mainKey, { name: 'Sender' });
    const sent = await flow.sendAll([team.mainKey, sub.apiKey], 3);
    expect(await flow.statusesOf(sent)).toEqual(sent.map(() => 'delivered'));

    const facts = await ledgerFacts(testApp.store, team.teamId);
    expect([...facts.accepted.keys()].sort()).toEqual(sent.map((message) => message.id).sort());
    expect(facts.refundsByCharge.size).toBe(0);
    expect(facts.balance).toBe(centsToMicros(TOP_UP_CENTS) - 6n * SMS_SEGMENT_MICROS);
    expect((await ledgerProjection(testApp.store, team.teamId)).balance).toBe(facts.balance);
    expect((await client.as(sub.apiKey, 'get', '/v1/balance').expect(200)).body).toMatchObject({ balance: 995, totalSpent: 3 });
  });

  it('refunds nothing for a late or repeated failure report of a delivered message', async () => {
    const { testApp, team } = flow.get();
    const sent = await flow.sendAll([team.mainKey], 2);
    await flow.reportAgain(sent);
    expect(await flow.statusesOf(sent)).toEqual(['delivered', 'delivered']);
    const facts = await ledgerFacts(testApp.store, team.teamId);
    expect(facts.refundsByCharge.size).toBe(0);
    expect(facts.balance).toBe(centsToMicros(TOP_UP_CENTS) - 2n * SMS_SEGMENT_MICROS);
  });
});
