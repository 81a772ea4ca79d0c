import { type LedgerCommandReply, type RefundCharge, Topics } from '@subledger/contracts';
import { centsToMicros } from '@subledger/money';
import { carrierScenario } from '../../test-app/carrier-scenario';
import { SMS_SEGMENT_MICROS } from '../../test-app/http-calls';
import { ledgerFacts } from './support/ledger-facts';

const TOP_UP_CENTS = 1_000;

/*
 * Delivery reports and refunds delivered again, as an at-least-once carrier and a restarted
 * accounts service may: sent through the accounts service's DeliveryReports and the bus
 * in-process, so embedded only. The first report of each: delivery-refunds.e2e.spec.ts.
 */
describe('delivery reports again, with a carrier that fails every message (embedded)', () => {
  const flow = carrierScenario(1, TOP_UP_CENTS);

  it('refunds nothing more when the reports, and the refunds themselves, are delivered again', async () => {
    const { testApp, team } = flow.get();
    const sent = await flow.sendAll([team.mainKey], 3);
    await flow.reportAgain(sent);
    // The ledger dedupes a refund by its charge too: the same command again (what the accounts
    // service sends after a crash between the ledger's refund and its own row update) gets the
    // stored answer, and a refund asked for another reason gets the earlier refund.
    for (const { id } of sent) {
      for (const reason of ['delivery_failed', 'operator_retry']) {
        const refund: RefundCharge = {
          type: 'RefundCharge',
          teamId: team.teamId,
          chargeId: id,
          reason,
          at: testApp.clock.now(),
        };
        const reply = await testApp.bus.request<LedgerCommandReply>(Topics.ledgerCommands, team.teamId, refund, {
          timeoutMs: 5_000,
        });
        expect(reply).toMatchObject({
          ok: true,
          value: { type: 'charge_refunded', chargeId: id, amount: SMS_SEGMENT_MICROS },
        });
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
    const created = await client
      .as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/api-keys`)
      .send({ name: 'Test', environment: 'test' })
      .expect(201);
    const testKey = created.body.apiKey.key as string;
    expect((await client.as(testKey, 'get', '/v1/me').expect(200)).body).toMatchObject({
      project: { id: sub.id, isSubAccount: true },
      isTestMode: true,
    });
    expect((await client.as(sub.apiKey, 'get', '/v1/me').expect(200)).body.isTestMode).toBe(false);
    const sent = await flow.sendAll([testKey], 3);
    await flow.reportAgain(sent);
    expect(await flow.statusesOf(sent)).toEqual(['failed', 'failed', 'failed']);

    const facts = await ledgerFacts(testApp.store, team.teamId);
    expect({
      accepted: facts.accepted.size,
      refused: facts.refusedChargeIds.length,
      refunds: facts.refundsByCharge.size,
    }).toEqual({ accepted: 0, refused: 0, refunds: 0 });
    expect((await client.as(testKey, 'get', '/v1/balance').expect(200)).body).toMatchObject({
      balance: TOP_UP_CENTS,
      totalSpent: 0,
    });
  });
});

describe('delivery reports again, with a carrier that delivers every message (embedded)', () => {
  const flow = carrierScenario(0, TOP_UP_CENTS);

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
