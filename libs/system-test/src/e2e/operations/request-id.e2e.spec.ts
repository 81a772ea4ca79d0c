import type { TestTeam } from '../../test-app/embedded-test-client';
import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

const US = '+14155550100';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** docs/decisions.md, "Request ids": X-Request-Id from the client (or a new one) to the ledger's events. */
describe(`request ids (${testMode()})`, () => {
  const { testApp, client } = useTestApp();
  let team: TestTeam;

  beforeEach(async () => {
    team = await client().createTeam();
    await client().topUp(team.teamId, 100);
  });

  const eventsOf = async (teamId: string) => testApp().storeOf('ledger').readStream(`team-${teamId}`);

  it("answers with the client's X-Request-Id and keeps it as the correlation id of the charge's event", async () => {
    const sent = await client()
      .as(team.mainKey, 'post', '/v1/messages')
      .set('X-Request-Id', 'order-42/attempt-1')
      .send({ to: US, text: 'Hello' })
      .expect(202);
    expect(sent.headers['x-request-id']).toBe('order-42/attempt-1');

    const charges = (await eventsOf(team.teamId)).filter((event) => event.type === 'ChargeAccepted');
    expect(charges.map((event) => event.metadata.correlationId)).toEqual(['order-42/attempt-1']);
  });

  it('makes up an id for a request without one, or with one that is not safe to log and pass on, and answers errors with it too', async () => {
    const plain = await client().as(team.mainKey, 'post', '/v1/messages').send({ to: US, text: 'Hello' }).expect(202);
    const unsafe = await client()
      .as(team.mainKey, 'post', '/v1/messages')
      .set('X-Request-Id', 'two words "quoted"')
      .send({ to: US, text: 'Hello' })
      .expect(202);
    const tooLong = await client()
      .as(team.mainKey, 'get', '/v1/balance')
      .set('X-Request-Id', 'x'.repeat(129))
      .expect(200);
    const refused = await client()
      .as(team.mainKey, 'post', '/v1/messages')
      .set('X-Request-Id', 'bad-body-1')
      .send({ to: 'nowhere' })
      .expect(400);
    const unauthenticated = await client()
      .as('sl_live_nobody', 'get', '/v1/balance')
      .set('X-Request-Id', 'who-1')
      .expect(401);

    for (const made of [plain, unsafe, tooLong]) expect(made.headers['x-request-id']).toMatch(UUID);
    expect(refused.headers['x-request-id']).toBe('bad-body-1');
    expect(unauthenticated.headers['x-request-id']).toBe('who-1');
    const charges = (await eventsOf(team.teamId)).filter((event) => event.type === 'ChargeAccepted');
    expect(charges.map((event) => event.metadata.correlationId)).toEqual([
      plain.headers['x-request-id'],
      unsafe.headers['x-request-id'],
    ]);
  });
});
