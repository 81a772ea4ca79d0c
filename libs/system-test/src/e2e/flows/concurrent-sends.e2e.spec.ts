import { balanceCents, centsToMicros, costCents, type Micros, toCentsFloor } from '@subledger/money';
import { EmbeddedTestClient, type TestTeam } from '../../test-app/embedded-test-client';
import { startTestApp, testMode, type TestApp } from '../../test-app/test-app';
import { call, type HttpAnswer, sendSms, SMS_SEGMENT_MICROS } from '../../test-app/http-calls';
import { ledgerFacts, ledgerProjection, sum, teamStream, usdToMicros } from './support/ledger-facts';

// One or two SMS segments (7,900 or 15,800 micros), so that accepted costs are not all alike.
const textFor = (i: number) => (i % 3 === 0 ? `Long message ${i} `.padEnd(170, '.') : `Message ${i}`);
const segmentsOf = (i: number) => (i % 3 === 0 ? 2n : 1n);

interface Outcomes {
  readonly accepted: HttpAnswer[];
  readonly refused: HttpAnswer[];
}

/** Every answer of a burst is a 202 or a 402 with the expected code (if any): nothing else may come back. */
function sortOut(answers: readonly HttpAnswer[], refusalCode: string | null): Outcomes {
  const unexpected = answers.filter(
    (answer) => answer.status !== 202 && !(answer.status === 402 && answer.body.code === refusalCode),
  );
  expect(unexpected.map((answer) => ({ status: answer.status, body: answer.body }))).toEqual([]);
  return {
    accepted: answers.filter((answer) => answer.status === 202),
    refused: answers.filter((answer) => answer.status === 402),
  };
}

const costsOf = (answers: readonly HttpAnswer[]): Micros =>
  sum(answers.map((answer) => usdToMicros(answer.body.message.cost)));

/**
 * docs/contract.md §8.1-8.3 under load over real HTTP: many senders at once on one team, every answer a 202 or
 * a 402, the limit and the balance never crossed, and the ledger's events, its projections and the
 * sum of the 202 answers telling the same story to the micro.
 */
describe(`concurrent senders (${testMode()}, real HTTP)`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let baseUrl: string;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await startTestApp({ gateway: { requestTimeoutMs: 5_000 } });
    client = new EmbeddedTestClient(testApp);
    baseUrl = await testApp.listen();
  });

  afterAll(() => testApp?.close());

  beforeEach(async () => {
    team = await client.createTeam();
  });

  const burst = (key: string, count: number, offset = 0) =>
    Array.from({ length: count }, (_, i) => sendSms(baseUrl, key, textFor(offset + i)));

  async function expectLedgerAgrees(topUps: Micros, accepted: readonly HttpAnswer[]): Promise<void> {
    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    expect([...facts.accepted.keys()].sort()).toEqual(accepted.map((answer) => answer.body.message.id).sort());
    expect(facts.balance).toBe(topUps - costsOf(accepted));
    expect((await ledgerProjection(testApp.storeOf('ledger'), team.teamId)).balance).toBe(facts.balance);
  }

  it('lets 50 parallel senders on one capped sub-account spend up to the limit and never past it', async () => {
    await client.topUp(team.teamId, 10_000);
    const sub = await client.createSubAccount(team.mainKey, { name: 'Capped', creditLimit: 20 });
    const limit = centsToMicros(20);

    const { accepted, refused } = sortOut(await Promise.all(burst(sub.apiKey, 50)), 'credit_limit_exceeded');
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    const spent = (await ledgerFacts(testApp.storeOf('ledger'), team.teamId)).spentBy(sub.id);
    expect(spent).toBeLessThanOrEqual(limit);
    expect(spent).toBe(costsOf(accepted));
    expect((await ledgerProjection(testApp.storeOf('ledger'), team.teamId)).spent.get(sub.id)).toBe(spent);
    // Each refusal was right when made, and headroom only shrinks: none of the refused would fit now.
    const smallestRefused = refused
      .map((answer) => answer.body.details.cost as number)
      .reduce((a, b) => Math.min(a, b));
    expect(limit - spent).toBeLessThan(centsToMicros(smallestRefused));
    for (const { body } of refused)
      expect(body.details).toEqual({ creditLimit: 20, totalSpent: expect.any(Number), cost: expect.any(Number) });
    await expectLedgerAgrees(centsToMicros(10_000), accepted);
  });

  it('keeps every one of several sub-accounts under its own limit while all of them send at once', async () => {
    await client.topUp(team.teamId, 10_000);
    const limits = [5, 12, 20];
    const subs = [];
    for (const creditLimit of limits)
      subs.push(await client.createSubAccount(team.mainKey, { name: `Cap ${creditLimit}`, creditLimit }));

    const bursts = subs.map((sub, s) => Promise.all(burst(sub.apiKey, 25, s * 25)));
    const outcomes = (await Promise.all(bursts)).map((answers) => sortOut(answers, 'credit_limit_exceeded'));

    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    const projection = await ledgerProjection(testApp.storeOf('ledger'), team.teamId);
    subs.forEach((sub, s) => {
      const spent = facts.spentBy(sub.id);
      expect(spent).toBeLessThanOrEqual(centsToMicros(limits[s]));
      expect(spent).toBe(costsOf(outcomes[s].accepted));
      expect(projection.spent.get(sub.id)).toBe(spent);
      expect(outcomes[s].refused.length).toBeGreaterThan(0);
    });
    await expectLedgerAgrees(
      centsToMicros(10_000),
      outcomes.flatMap((outcome) => outcome.accepted),
    );
  });

  it('makes the team balance the binding constraint: 402 insufficient_balance, never below zero', async () => {
    const topUp = 10;
    await client.topUp(team.teamId, topUp);
    const subs = [
      await client.createSubAccount(team.mainKey, { name: 'A' }),
      await client.createSubAccount(team.mainKey, { name: 'B', creditLimit: 1_000 }),
    ];
    const keys = [team.mainKey, ...subs.map((sub) => sub.apiKey)];

    const answers = await Promise.all(keys.flatMap((key, k) => burst(key, 20, k * 20)));
    const { accepted, refused } = sortOut(answers, 'insufficient_balance');
    expect(refused.length).toBeGreaterThan(0);

    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    expect(facts.balance).toBeGreaterThanOrEqual(0n);
    // No refused send would have fitted into what is left.
    const smallestRefused = refused
      .map((answer) => answer.body.details.cost as number)
      .reduce((a, b) => Math.min(a, b));
    expect(facts.balance).toBeLessThan(centsToMicros(smallestRefused));
    await expectLedgerAgrees(centsToMicros(topUp), accepted);
    const balance = await call(baseUrl, team.mainKey, 'GET', '/v1/balance');
    expect(balance.body.balance).toBe(balanceCents(facts.balance));
  });

  it('applies a lowered or raised credit limit to the very next send (read-your-writes)', async () => {
    await client.topUp(team.teamId, 1_000);
    const sub = await client.createSubAccount(team.mainKey, { name: 'Moving cap', creditLimit: 100 });
    const setLimit = async (creditLimit: number) =>
      expect((await call(baseUrl, team.mainKey, 'PATCH', `/v1/sub-accounts/${sub.id}`, { creditLimit })).status).toBe(
        200,
      );

    let spent = 0n;
    for (let round = 0; round < 5; round++) {
      expect((await sendSms(baseUrl, sub.apiKey, `Round ${round}`)).status).toBe(202);
      spent += SMS_SEGMENT_MICROS;
      // Lowered to at most one cent above what is spent: the next SMS no longer fits.
      const lowered = Math.max(1, toCentsFloor(spent));
      await setLimit(lowered);
      const refused = await sendSms(baseUrl, sub.apiKey, `Refused ${round}`);
      expect(refused.status).toBe(402);
      expect(refused.body.details).toEqual({ creditLimit: lowered, totalSpent: costCents(spent), cost: 1 });
      // Raised again: the very next send goes through.
      await setLimit(100);
    }
    expect((await ledgerFacts(testApp.storeOf('ledger'), team.teamId)).spentBy(sub.id)).toBe(5n * SMS_SEGMENT_MICROS);
  });

  it('charges nothing of a sub-account after its suspension returned, even with sends in flight around it', async () => {
    await client.topUp(team.teamId, 10_000);
    const sub = await client.createSubAccount(team.mainKey, { name: 'Suspended mid-burst' });
    const before = burst(sub.apiKey, 25);
    const suspension = await call(baseUrl, team.mainKey, 'PATCH', `/v1/sub-accounts/${sub.id}`, { status: 'inactive' });
    expect(suspension.status).toBe(200);
    const after = await Promise.all(burst(sub.apiKey, 10, 25));
    expect(after.map((answer) => [answer.status, answer.body.code])).toEqual(
      after.map(() => [403, 'account_inactive']),
    );
    const raced = await Promise.all(before);
    const unexpected = raced.filter(
      (answer) => answer.status !== 202 && !(answer.status === 403 && answer.body.code === 'account_inactive'),
    );
    expect(unexpected.map((answer) => ({ status: answer.status, body: answer.body }))).toEqual([]);

    // In the team's stream, no charge of the account is accepted after the policy that suspended it.
    const events = await teamStream(testApp.storeOf('ledger'), team.teamId);
    const suspendedAt = events.findIndex(
      (event) => event.type === 'SpendPolicySet' && event.data.accountId === sub.id && event.data.status === 'inactive',
    );
    expect(suspendedAt).toBeGreaterThan(-1);
    expect(events.slice(suspendedAt).filter((event) => event.type === 'ChargeAccepted')).toEqual([]);
    await expectLedgerAgrees(
      centsToMicros(10_000),
      raced.filter((answer) => answer.status === 202),
    );
  });

  it('answers concurrent sends of every sender of a team alike with exact micros in the projections', async () => {
    await client.topUp(team.teamId, 10_000);
    const sub = await client.createSubAccount(team.mainKey, { name: 'Uncapped' });
    const answers = await Promise.all([...burst(team.mainKey, 30), ...burst(sub.apiKey, 30, 30)]);
    const { accepted } = sortOut(answers, null);
    expect(accepted).toHaveLength(60);
    const expected = sum(Array.from({ length: 60 }, (_, i) => segmentsOf(i) * SMS_SEGMENT_MICROS));
    expect(costsOf(accepted)).toBe(expected);
    await expectLedgerAgrees(centsToMicros(10_000), accepted);
    const facts = await ledgerFacts(testApp.storeOf('ledger'), team.teamId);
    expect(facts.spentBy(sub.id) + facts.spentBy(team.mainAccountId)).toBe(expected);
  });
});
