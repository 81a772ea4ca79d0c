import { type EmbeddedTestApp, startEmbeddedTestApp } from '../../test-app/embedded-test-app';
import { EmbeddedTestClient, type TestTeam } from '../../test-app/embedded-test-client';
import { type HttpAnswer, sendSms } from '../../test-app/http-calls';
import { ledgerFacts } from './support/ledger-facts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * docs/contract.md §3 idempotency records past their retention of 24 hours, the ManualClock moved rather than
 * waited for: embedded only, since the distributed processes read the wall clock.
 */
describe('idempotent requests past their retention (embedded, real HTTP)', () => {
  let testApp: EmbeddedTestApp;
  let client: EmbeddedTestClient;
  let baseUrl: string;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await startEmbeddedTestApp();
    client = new EmbeddedTestClient(testApp);
    baseUrl = await testApp.listen();
    team = await client.createTeam();
    await client.topUp(team.teamId, 100);
  });

  afterAll(() => testApp.close());

  const withKey = (key: string) => ({ 'Idempotency-Key': key });
  const chargesOf = async () => [...(await ledgerFacts(testApp.store, team.teamId)).accepted.keys()];
  const replayed = (answer: HttpAnswer) => answer.headers.get('idempotent-replayed');

  it('replays for at least 24 hours; past that the same request still names its one charge, and a new one may reuse the key', async () => {
    const first = await sendSms(baseUrl, team.mainKey, 'Hello', withKey('day-old'));
    testApp.clock.advance(24 * HOUR_MS);
    expect(replayed(await sendSms(baseUrl, team.mainKey, 'Hello', withKey('day-old')))).toBe('true');
    testApp.clock.advance(1);
    const late = await sendSms(baseUrl, team.mainKey, 'Hello', withKey('day-old'));
    // A new request as far as the records go; the charge id derived from the key makes the ledger
    // answer the charge it already holds, and the message record is the one already stored.
    expect({ status: late.status, replayed: replayed(late), id: late.body.message.id }).toEqual({
      status: 202,
      replayed: null,
      id: first.body.message.id,
    });
    expect(await chargesOf()).toEqual([first.body.message.id]);
    // That new request is the record now: a different one under the key is refused again...
    expect((await sendSms(baseUrl, team.mainKey, 'Bye', withKey('day-old'))).body.code).toBe('idempotency_key_reused');
    // ...until that record is past its retention too: then the key may name a new message, sent and charged.
    testApp.clock.advance(24 * HOUR_MS + 1);
    const reused = await sendSms(baseUrl, team.mainKey, 'Bye', withKey('day-old'));
    expect(reused.status).toBe(202);
    expect(reused.body.message).toMatchObject({ text: 'Bye', status: 'queued' });
    expect(reused.body.message.id).not.toBe(first.body.message.id);
    expect((await chargesOf()).sort()).toEqual([first.body.message.id, reused.body.message.id].sort());
  });
});
