import type { TestTeam } from '../../test-app/embedded-test-client';
import { instantBetween } from '../../test-app/instant-between';
import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

// config/prices.json: an SMS to +1 costs 7,900 micros a segment, a WhatsApp message to +1 8,000.
const US = '+14155550100';

describe(`/v1/messages end to end (${testMode()})`, () => {
  const { testApp, client } = useTestApp();
  let team: TestTeam;

  beforeEach(async () => {
    team = await client().createTeam();
  });

  const balanceOf = async (key: string) => (await client().as(key, 'get', '/v1/balance').expect(200)).body;

  it('charges a live send before answering 202 with the message', async () => {
    await client().topUp(team.teamId, 100);
    const from = testApp().now();
    const response = await client()
      .as(team.mainKey, 'post', '/v1/messages')
      .send({ to: US, text: 'Hello', metadata: { order: '42' } })
      .expect(202);
    const sentAt = instantBetween(from, testApp().now());
    expect(response.body).toEqual({
      message: {
        id: expect.stringMatching(/^msg_[0-9A-Za-z]{22}$/),
        to: US,
        channel: 'sms',
        messageType: 'text',
        status: 'queued',
        direction: 'outbound',
        text: 'Hello',
        metadata: { order: '42' },
        cost: 0.0079,
        costProvider: 0,
        costTotal: 0.0079,
        createdAt: sentAt,
        updatedAt: sentAt,
      },
    });
    expect(await balanceOf(team.mainKey)).toEqual({ balance: 99, currency: 'usd', isSubAccount: false });
  });

  it('never charges twice for a retry with the same Idempotency-Key', async () => {
    await client().topUp(team.teamId, 100);
    const send = () =>
      client()
        .as(team.mainKey, 'post', '/v1/messages')
        .set('Idempotency-Key', 'order-42')
        .send({ to: US, text: 'Hello' });
    const first = await send().expect(202);
    const again = await send().expect(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const ledger = await client().admin('get', `/admin/v1/teams/${team.teamId}/ledger`).expect(200);
    expect(ledger.body.items.filter((entry: { type: string }) => entry.type === 'ChargeAccepted')).toHaveLength(1);
  });

  it('refuses a sub-account past its credit limit with 402 and cents', async () => {
    await client().topUp(team.teamId, 100);
    const sub = await client().createSubAccount(team.mainKey, { name: 'Capped', creditLimit: 1 });
    await client().as(sub.apiKey, 'post', '/v1/messages').send({ to: US, text: 'one' }).expect(202);
    const refused = await client().as(sub.apiKey, 'post', '/v1/messages').send({ to: US, text: 'two' }).expect(402);
    expect(refused.body).toEqual({
      code: 'credit_limit_exceeded',
      message: expect.any(String),
      details: { creditLimit: 1, totalSpent: 1, cost: 1 },
    });
    expect(await balanceOf(sub.apiKey)).toEqual({
      balance: 99,
      currency: 'usd',
      isSubAccount: true,
      totalSpent: 1,
      creditLimit: 1,
    });
  });

  it('refuses a send the balance cannot cover with 402 insufficient_balance, recording no message', async () => {
    const refused = await client().as(team.mainKey, 'post', '/v1/messages').send({ to: US, text: 'Hello' }).expect(402);
    expect(refused.body).toMatchObject({ code: 'insufficient_balance', details: { balance: 0, cost: 1 } });
    expect((await client().as(team.mainKey, 'get', '/v1/messages').expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('prices a test key like a live one but never charges it', async () => {
    const sub = await client().createSubAccount(team.mainKey);
    const testKey = (
      await client()
        .as(team.mainKey, 'post', `/v1/sub-accounts/${sub.id}/api-keys`)
        .send({ name: 'Test', environment: 'test' })
        .expect(201)
    ).body.apiKey.key;
    const sent = await client()
      .as(testKey, 'post', '/v1/messages')
      .send({ to: US, text: 'x'.repeat(161) })
      .expect(202);
    expect(sent.body.message).toMatchObject({ cost: 0.0158, costTotal: 0.0158 });
    expect((await client().as(testKey, 'get', '/v1/me').expect(200)).body.isTestMode).toBe(true);
    expect(await balanceOf(sub.apiKey)).toMatchObject({ balance: 0, totalSpent: 0 });
  });

  it('shows a caller its own messages only, and delivers them through the carrier', async () => {
    await client().topUp(team.teamId, 100);
    const sub = await client().createSubAccount(team.mainKey);
    const mine = (
      await client()
        .as(sub.apiKey, 'post', '/v1/messages')
        .send({ to: US, messageType: 'image', content: { mediaUrl: 'https://x.test/a.png' } })
        .expect(202)
    ).body.message;
    expect(mine).toMatchObject({ channel: 'whatsapp', cost: 0.008 });
    const theirs = (
      await client()
        .as(team.mainKey, 'post', '/v1/messages')
        .send({ to: 'ana@example.com', subject: 'Hi', text: 'Hello' })
        .expect(202)
    ).body.message;
    expect(theirs.channel).toBe('email');
    expect(await client().settledMessage(sub.apiKey, mine.id)).toMatchObject({ id: mine.id, status: 'delivered' });
    await client().settledMessage(team.mainKey, theirs.id);
    expect((await client().as(sub.apiKey, 'get', `/v1/messages/${theirs.id}`).expect(404)).body.code).toBe(
      'message_not_found',
    );
    const listed = await client().as(sub.apiKey, 'get', '/v1/messages?status=delivered&channel=whatsapp').expect(200);
    expect(listed.body.items.map((message: { id: string }) => message.id)).toEqual([mine.id]);
    expect((await client().as(sub.apiKey, 'get', '/v1/messages?status=sending').expect(200)).body.items).toEqual([]);
  });

  it('names every bad field of a send', async () => {
    const response = await client()
      .as(team.mainKey, 'post', '/v1/messages')
      .send({ to: '12345', channel: 'pigeon', surprise: 1 })
      .expect(400);
    expect(response.body.details.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'channel',
      'surprise',
      'to',
    ]);
    const email = await client()
      .as(team.mainKey, 'post', '/v1/messages')
      .send({ to: US, channel: 'email', text: 'x' })
      .expect(400);
    expect(email.body.details.errors.map((error: { path: string }) => error.path)).toEqual(['to', 'subject']);
  });
});
