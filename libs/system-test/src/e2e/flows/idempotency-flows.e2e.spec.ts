import { EmbeddedTestClient, type TestTeam } from '../../test-app/embedded-test-client';
import { holdCharges } from '../../test-app/hold-charges';
import { startTestApp, testMode, type TestApp } from '../../test-app/test-app';
import { call, type HttpAnswer, sendSms, US } from '../../test-app/http-calls';
import { ledgerFacts } from './support/ledger-facts';

/**
 * docs/contract.md §3 idempotency over real HTTP, checked against the ledger's events rather than the answers
 * alone. What happens past the records' retention is in idempotency-retention.embedded.e2e.spec.ts.
 */
describe(`idempotent requests (${testMode()}, real HTTP)`, () => {
  let testApp: TestApp;
  let client: EmbeddedTestClient;
  let baseUrl: string;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await startTestApp();
    client = new EmbeddedTestClient(testApp);
    baseUrl = await testApp.listen();
  });

  afterAll(() => testApp?.close());

  beforeEach(async () => {
    team = await client.createTeam();
    await client.topUp(team.teamId, 100);
  });

  const withKey = (key: string) => ({ 'Idempotency-Key': key });
  const chargesOf = async (teamId = team.teamId) => [
    ...(await ledgerFacts(testApp.storeOf('ledger'), teamId)).accepted.keys(),
  ];
  const replayed = (answer: HttpAnswer) => answer.headers.get('idempotent-replayed');

  it('answers a retry with the same key and body with the same status and body, replayed, charging once', async () => {
    const first = await sendSms(baseUrl, team.mainKey, 'Hello', withKey('order-1'));
    expect(first.status).toBe(202);
    expect(replayed(first)).toBeNull();
    for (let retry = 0; retry < 3; retry++) {
      const again = await sendSms(baseUrl, team.mainKey, 'Hello', withKey('order-1'));
      expect({ status: again.status, body: again.body, replayed: replayed(again) }).toEqual({
        status: 202,
        body: first.body,
        replayed: 'true',
      });
    }
    expect(await chargesOf()).toEqual([first.body.message.id]);
    expect((await call(baseUrl, team.mainKey, 'GET', '/v1/balance')).body.balance).toBe(99);
  });

  it('replays a refusal too: a 402 stays the answer of its key even after a top-up', async () => {
    const broke = await client.createTeam('Broke');
    const refused = await sendSms(baseUrl, broke.mainKey, 'Hello', withKey('try-1'));
    expect(refused.status).toBe(402);
    await client.topUp(broke.teamId, 100);
    const again = await sendSms(baseUrl, broke.mainKey, 'Hello', withKey('try-1'));
    expect({ status: again.status, body: again.body, replayed: replayed(again) }).toEqual({
      status: 402,
      body: refused.body,
      replayed: 'true',
    });
    expect((await sendSms(baseUrl, broke.mainKey, 'Hello', withKey('try-2'))).status).toBe(202);
    const facts = await ledgerFacts(testApp.storeOf('ledger'), broke.teamId);
    expect(facts.refusedChargeIds).toHaveLength(1);
    expect(facts.accepted.size).toBe(1);
  });

  it('refuses the same key with a different body with 409 idempotency_key_reused, charging nothing more', async () => {
    const first = await sendSms(baseUrl, team.mainKey, 'Hello', withKey('order-2'));
    for (const body of [
      { to: US, text: 'Hello!' },
      { to: '+14155550199', text: 'Hello' },
      { to: US, text: 'Hello', metadata: { a: '1' } },
    ]) {
      const reused = await call(baseUrl, team.mainKey, 'POST', '/v1/messages', body, withKey('order-2'));
      expect(reused.status).toBe(409);
      expect(reused.body).toEqual({ code: 'idempotency_key_reused', message: expect.any(String), details: {} });
      // Retrying cannot help, and SDK clients that retry 409s by default are told so.
      expect(reused.headers.get('x-should-retry')).toBe('false');
    }
    expect(await chargesOf()).toEqual([first.body.message.id]);
  });

  it('answers 409 request_in_progress while the first request with the key is still running', async () => {
    const gate = await holdCharges(testApp);
    const first = sendSms(baseUrl, team.mainKey, 'Hello', withKey('slow-1'));
    // Opened whatever happens: in distributed mode the held ledger serves the suites after this one.
    try {
      await gate.reached;
      const meanwhile = await sendSms(baseUrl, team.mainKey, 'Hello', withKey('slow-1'));
      expect(meanwhile.status).toBe(409);
      expect(meanwhile.body.code).toBe('request_in_progress');
      expect(meanwhile.headers.get('x-should-retry')).toBeNull();
      // A different body is a reuse, whatever the first request's state.
      expect((await sendSms(baseUrl, team.mainKey, 'Other', withKey('slow-1'))).body.code).toBe(
        'idempotency_key_reused',
      );
    } finally {
      gate.open();
    }
    const done = await first;
    expect(done.status).toBe(202);
    const after = await sendSms(baseUrl, team.mainKey, 'Hello', withKey('slow-1'));
    expect({ status: after.status, body: after.body, replayed: replayed(after) }).toEqual({
      status: 202,
      body: done.body,
      replayed: 'true',
    });
    expect(await chargesOf()).toEqual([done.body.message.id]);
  });

  it('charges once when many copies of one request race, each answered 202 or 409 request_in_progress', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => sendSms(baseUrl, team.mainKey, 'Race', withKey('race-1'))),
    );
    const original = answers.filter((answer) => answer.status === 202 && replayed(answer) === null);
    expect(original).toHaveLength(1);
    for (const answer of answers) {
      if (answer.status === 202) expect(answer.body).toEqual(original[0].body);
      else
        expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code: 'request_in_progress' });
    }
    expect(await chargesOf()).toEqual([original[0].body.message.id]);
  });

  it('takes the body field idempotencyKey of POST /v1/messages like the header', async () => {
    const send = (text: string) =>
      call(baseUrl, team.mainKey, 'POST', '/v1/messages', { to: US, text, idempotencyKey: 'body-key-1' });
    const first = await send('Hello');
    const again = await send('Hello');
    expect({ status: again.status, body: again.body, replayed: replayed(again) }).toEqual({
      status: 202,
      body: first.body,
      replayed: 'true',
    });
    expect((await send('Changed')).body.code).toBe('idempotency_key_reused');
    expect(await chargesOf()).toEqual([first.body.message.id]);
  });

  it('scopes keys to the account: two accounts use the same key independently', async () => {
    const sub = await client.createSubAccount(team.mainKey, { name: 'Sub' });
    const other = await client.createTeam('Other');
    await client.topUp(other.teamId, 100);
    const answers = [];
    for (const key of [team.mainKey, sub.apiKey, other.mainKey])
      answers.push(await sendSms(baseUrl, key, 'Same', withKey('shared-key')));
    expect(answers.map((answer) => [answer.status, replayed(answer)])).toEqual([
      [202, null],
      [202, null],
      [202, null],
    ]);
    expect(new Set(answers.map((answer) => answer.body.message.id)).size).toBe(3);
    expect((await chargesOf()).sort()).toEqual([answers[0].body.message.id, answers[1].body.message.id].sort());
    expect(await chargesOf(other.teamId)).toEqual([answers[2].body.message.id]);
  });
});
