import { centsToMicros } from '@subledger/money';
import { carrierScenario } from '../../test-app/carrier-scenario';
import { testMode } from '../../test-app/test-app';
import { SMS_SEGMENT_MICROS } from '../../test-app/http-calls';
import { ledgerFacts, ledgerProjection } from './support/ledger-facts';

const TOP_UP_CENTS = 1_000;

/*
 * What the carrier's reports do to messages and charges: one app per carrier setting, a fresh team
 * with USD 10 for each test. Reports delivered again: delivery-reports-again.embedded.e2e.spec.ts.
 */
describe(`delivery with a carrier that fails every message (${testMode()})`, () => {
  const flow = carrierScenario(1, TOP_UP_CENTS);

  it('ends every live message failed and refunds each charge exactly once, restoring balance and totalSpent', async () => {
    const { testApp, client, team } = flow.get();
    const sub = await client.createSubAccount(team.mainKey, { name: 'Sender', creditLimit: 100 });
    const sent = await flow.sendAll([team.mainKey, sub.apiKey], 4);
    expect(await flow.statusesOf(sent)).toEqual(sent.map(() => 'failed'));

    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    expect([...facts.accepted.keys()].sort()).toEqual(sent.map((message) => message.id).sort());
    expect([...facts.refundsByCharge].sort()).toEqual(sent.map((message) => [message.id, 1]).sort());
    expect({ balance: facts.balance, spent: facts.spentBy(sub.id) }).toEqual({
      balance: centsToMicros(TOP_UP_CENTS),
      spent: 0n,
    });
    const projection = await ledgerProjection(testApp.storeOf('ledger'), team.teamId);
    expect({ balance: projection.balance, spent: projection.spent.get(sub.id) }).toEqual({
      balance: facts.balance,
      spent: 0n,
    });
    expect((await client.as(sub.apiKey, 'get', '/v1/balance').expect(200)).body).toMatchObject({
      balance: TOP_UP_CENTS,
      totalSpent: 0,
    });
  });
});

describe(`delivery with a carrier that delivers every message (${testMode()})`, () => {
  const flow = carrierScenario(0, TOP_UP_CENTS);

  it('ends every message delivered, keeping every charge', async () => {
    const { testApp, client, team } = flow.get();
    const sub = await client.createSubAccount(team.mainKey, { name: 'Sender' });
    const sent = await flow.sendAll([team.mainKey, sub.apiKey], 3);
    expect(await flow.statusesOf(sent)).toEqual(sent.map(() => 'delivered'));

    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    expect([...facts.accepted.keys()].sort()).toEqual(sent.map((message) => message.id).sort());
    expect(facts.refundsByCharge.size).toBe(0);
    expect(facts.balance).toBe(centsToMicros(TOP_UP_CENTS) - 6n * SMS_SEGMENT_MICROS);
    expect((await ledgerProjection(testApp.storeOf('ledger'), team.teamId)).balance).toBe(facts.balance);
    expect((await client.as(sub.apiKey, 'get', '/v1/balance').expect(200)).body).toMatchObject({
      balance: 995,
      totalSpent: 3,
    });
  });
});
