import { type DistributedStack, startDistributedStack } from '@subledger/test-harness';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

// What only distributed mode has: several gateway replicas sharing one reply path each, spend
// policies acknowledged over Kafka, a deadline when a service is down, poison messages on the
// dead-letter topic, and the ledger's events published through its outbox.

const REQUEST_TIMEOUT_MS = 2500;
let stack: DistributedStack;

beforeAll(async () => {
  stack = await startDistributedStack({
    gateways: 2,
    env: { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), KAFKA_SESSION_TIMEOUT_MS: '6000' },
  });
}, 180_000);
afterAll(() => stack?.stop(), 60_000);

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

async function newTeam(gateway: string, cents: number): Promise<{ teamId: string; mainKey: string }> {
  const created = await call(gateway, 'POST', '/admin/v1/teams', stack.adminToken, { name: 'Acme' });
  expect(created.status).toBe(201);
  const { team, apiKey } = created.body as { team: { id: string }; apiKey: { key: string } };
  const topUp = await call(
    gateway,
    'POST',
    `/admin/v1/teams/${team.id}/top-ups`,
    stack.adminToken,
    { amount: cents },
    { 'idempotency-key': randomUUID() },
  );
  expect(topUp.status).toBe(201);
  return { teamId: team.id, mainKey: apiKey.key };
}

async function newSubAccount(
  gateway: string,
  mainKey: string,
  creditLimit: number | null,
): Promise<{ id: string; key: string }> {
  const created = await call(gateway, 'POST', '/v1/sub-accounts', mainKey, { name: 'Client', creditLimit });
  expect(created.status).toBe(201);
  const { subAccount } = created.body as { subAccount: { id: string; apiKey: string } };
  return { id: subAccount.id, key: subAccount.apiKey };
}

const send = (gateway: string, key: string, idempotencyKey = randomUUID()) =>
  call(
    gateway,
    'POST',
    '/v1/messages',
    key,
    { to: '+14155550100', text: 'hello' },
    { 'idempotency-key': idempotencyKey },
  );

function kafka(): Kafka {
  return new Kafka({
    clientId: 'distributed-spec',
    brokers: (process.env.KAFKA_BROKERS as string).split(','),
    logLevel: logLevel.NOTHING,
  });
}

/** Every message of a topic from the beginning, until `enough` holds or 30 s pass. */
async function readTopic(
  topic: string,
  enough: (messages: { key: string; value: string; headers: Record<string, string> }[]) => boolean,
) {
  const consumer = kafka().consumer({ groupId: `probe-${randomUUID()}` });
  const messages: { key: string; value: string; headers: Record<string, string> }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        messages.push({ key: String(message.key), value: String(message.value), headers });
      },
    });
    const deadline = Date.now() + 30_000;
    while (!enough(messages) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

it('answers every request through the replica that asked, with two gateways', async () => {
  const [a, b] = stack.gatewayUrls();
  const teams = await Promise.all([newTeam(a, 1000), newTeam(b, 2000), newTeam(a, 3000), newTeam(b, 4000)]);
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => {
      const team = teams[i % teams.length];
      return call(i % 2 === 0 ? a : b, 'GET', '/v1/balance', team.mainKey).then((answer) => ({ team, answer }));
    }),
  );
  for (const { team, answer } of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body.balance).toBe((teams.indexOf(team) + 1) * 1000);
  }
}, 120_000);

it('applies a credit limit change before the PATCH answers: the very next charge obeys it, on any gateway', async () => {
  const [a, b] = stack.gatewayUrls();
  const team = await newTeam(a, 1000);
  const sub = await newSubAccount(a, team.mainKey, null);
  expect((await send(b, sub.key)).status).toBe(202);

  // Lower the limit to what is already spent: the next charge, through the other gateway, is refused.
  const spent = (await call(a, 'GET', '/v1/balance', sub.key)).body.totalSpent as number;
  expect((await call(a, 'PATCH', `/v1/sub-accounts/${sub.id}`, team.mainKey, { creditLimit: spent })).status).toBe(200);
  const refused = await send(b, sub.key);
  expect(refused.status).toBe(402);
  expect(refused.body.code).toBe('credit_limit_exceeded');

  // Raise it: the very next charge passes.
  expect(
    (await call(b, 'PATCH', `/v1/sub-accounts/${sub.id}`, team.mainKey, { creditLimit: spent + 100 })).status,
  ).toBe(200);
  expect((await send(a, sub.key)).status).toBe(202);

  // Suspend through one gateway, charge through the other at once: refused.
  expect((await call(a, 'PATCH', `/v1/sub-accounts/${sub.id}`, team.mainKey, { status: 'inactive' })).status).toBe(200);
  expect((await send(b, sub.key)).status).not.toBe(202);
}, 120_000);

it('answers 503 upstream_timeout while the ledger is down, and a retry with the same key applies the charge once', async () => {
  const [a] = stack.gatewayUrls();
  const team = await newTeam(a, 1000);
  const key = randomUUID();
  await stack.stopLedger(0, 'SIGKILL');
  try {
    const started = Date.now();
    const timedOut = await send(a, team.mainKey, key);
    expect(timedOut.status).toBe(503);
    expect(timedOut.body.code).toBe('upstream_timeout');
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS * 4);
  } finally {
    await stack.startLedger(0);
  }
  // The command waited in Kafka; the restarted ledger applies it once, and the retry finds it.
  let retried: Answer = { status: 0, body: {} };
  for (let attempt = 0; attempt < 20; attempt++) {
    retried = await send(a, team.mainKey, key);
    if (retried.status !== 503 && retried.status !== 409) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  expect(retried.status).toBe(202);
  const ledger = await call(a, 'GET', `/admin/v1/teams/${team.teamId}/ledger`, stack.adminToken);
  const entries = ledger.body.items as { type: string }[];
  expect(entries.filter((entry) => entry.type === 'ChargeAccepted')).toHaveLength(1);
}, 180_000);

it('moves a poison command to the dead-letter topic with its reason, and the partition moves on', async () => {
  const [a] = stack.gatewayUrls();
  const team = await newTeam(a, 1000);
  const producer = kafka().producer();
  await producer.connect();
  const topic = `${stack.topicPrefix}ledger.commands`;
  const marker = randomUUID();
  try {
    await producer.send({
      topic,
      messages: [
        { key: team.teamId, value: `not json ${marker}` },
        {
          key: team.teamId,
          value: JSON.stringify({ type: 'ChargeMessage', teamId: team.teamId, marker }),
          headers: { 'schema-version': '1' },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
  // The team's partition is not blocked: its next charge goes through.
  expect((await send(a, team.mainKey)).status).toBe(202);
  const dead = await readTopic(
    `${topic}.dead-letter`,
    (messages) => messages.filter((m) => m.value.includes(marker)).length >= 2,
  );
  const ours = dead.filter((message) => message.value.includes(marker));
  expect(ours).toHaveLength(2);
  for (const message of ours) {
    expect(message.key).toBe(team.teamId);
    expect(message.headers['dead-letter-reason']).toEqual(expect.any(String));
    expect(message.headers['dead-letter-reason'].length).toBeGreaterThan(0);
  }
}, 120_000);

it("publishes the ledger's committed events to ledger.events through its outbox, keyed by team", async () => {
  const [a] = stack.gatewayUrls();
  const team = await newTeam(a, 1000);
  expect((await send(a, team.mainKey)).status).toBe(202);
  const ofTeam = <M extends { key: string }>(messages: M[]) => messages.filter((m) => m.key === team.teamId);
  const events = ofTeam(
    await readTopic(`${stack.topicPrefix}ledger.events`, (messages) => ofTeam(messages).length >= 3),
  );
  // Opened, topped up, charged: once each, in the team's order.
  expect(events.map((m) => (JSON.parse(m.value) as { type: string }).type)).toEqual([
    'TeamOpened',
    'TopUpRecorded',
    'ChargeAccepted',
  ]);
  expect(events.map((m) => m.headers['event-id'])).toEqual(
    events.map((m) => (JSON.parse(m.value) as { eventId: string }).eventId),
  );
}, 120_000);
