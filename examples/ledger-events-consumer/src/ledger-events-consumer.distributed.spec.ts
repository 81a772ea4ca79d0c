import { randomBytes, randomUUID } from 'node:crypto';
import { type DistributedStack, startDistributedStack } from '@subledger/test-harness';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { ledgerEventMessageProblems, ledgerEventSchemas } from '@subledger/ledger-feature/testing';
import { LedgerEventsConsumer } from './ledger-events-consumer';

// The example consumer against the real stack: the gateway, accounts and ledger as processes over
// Kafka and PostgreSQL. Its table, built from ledger.events alone, must equal the ledger's
// balances; a second group reading the same topic into the same table finds only duplicates; and
// every message the relay published conforms to its JSON Schema (docs/events/schemas).

let stack: DistributedStack;
let pool: Pool;
const table = `example_team_balances_${randomBytes(4).toString('hex')}`;
const consumers: LedgerEventsConsumer[] = [];

beforeAll(async () => {
  stack = await startDistributedStack();
  pool = new Pool({ connectionString: process.env['DATABASE_URL'] });
}, 180_000);
afterAll(async () => {
  for (const consumer of consumers) await consumer.stop();
  await pool?.query(`DROP TABLE IF EXISTS ${table}`);
  await pool?.end();
  await stack?.stop();
}, 60_000);

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${stack.gatewayUrls()[0]}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** A team with money moving every way the HTTP API moves it; returns its id. */
async function busyTeam(cents: number): Promise<string> {
  const created = await call('POST', '/admin/v1/teams', stack.adminToken, { name: 'Consumer example' });
  expect(created.status).toBe(201);
  const { team, apiKey } = created.body as { team: { id: string }; apiKey: { key: string } };
  expect((await call('POST', `/admin/v1/teams/${team.id}/top-ups`, stack.adminToken, { amount: cents })).status).toBe(
    201,
  );
  expect(
    (
      await call('POST', `/admin/v1/teams/${team.id}/adjustments`, stack.adminToken, {
        amount: 250,
        reason: 'goodwill',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await call('POST', `/admin/v1/teams/${team.id}/adjustments`, stack.adminToken, {
        amount: -100,
        reason: 'goodwill reversed',
      })
    ).status,
  ).toBe(201);
  const sub = await call('POST', '/v1/sub-accounts', apiKey.key, { name: 'Client', creditLimit: 2 });
  expect(sub.status).toBe(201);
  const { subAccount } = sub.body as { subAccount: { id: string; apiKey: string } };
  const send = () => call('POST', '/v1/messages', subAccount.apiKey, { to: '+14155550100', text: 'hello' });
  const sends = [await send(), await send(), await send()];
  const main = await call('POST', '/v1/messages', apiKey.key, { to: '+14155550100', text: 'hello' });
  expect([...sends, main].every((answer) => answer.status === 202 || answer.status === 402)).toBe(true);
  expect((await call('PATCH', `/v1/sub-accounts/${subAccount.id}`, apiKey.key, { status: 'inactive' })).status).toBe(
    200,
  );
  return team.id;
}

type Balances = Map<string, { currency: string; balance: bigint; version: bigint }>;

async function ledgerBalances(teams: readonly string[]): Promise<Balances> {
  const { rows } = await pool.query<{ team_id: string; currency: string; balance: string; version: string }>(
    `SELECT team_id, currency, balance::text AS balance, stream_version::text AS version FROM "${stack.schemas.ledger}".ledger_team_balances WHERE team_id = ANY($1)`,
    [teams],
  );
  return new Map(
    rows.map((row) => [
      row.team_id,
      { currency: row.currency, balance: BigInt(row.balance), version: BigInt(row.version) },
    ]),
  );
}

/** The example's table beside the ledger's own balances, for the given teams. */
async function both(
  consumer: LedgerEventsConsumer,
  teams: readonly string[],
): Promise<{ kept: Balances; ledger: Balances }> {
  const ledger = await ledgerBalances(teams);
  const all = await consumer.table.balances();
  return { ledger, kept: new Map([...all].filter(([team]) => teams.includes(team))) };
}

async function caughtUp(consumer: LedgerEventsConsumer, teams: readonly string[]): Promise<void> {
  await waitFor(async () => {
    const { kept, ledger } = await both(consumer, teams);
    return ledger.size === teams.length && teams.every((team) => kept.get(team)?.version === ledger.get(team)?.version);
  }, "the example's table to reach the ledger's versions");
  const { kept, ledger } = await both(consumer, teams);
  expect(kept).toEqual(ledger);
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function startConsumer(groupId: string): Promise<LedgerEventsConsumer> {
  const consumer = LedgerEventsConsumer.forPool(
    {
      brokers: (process.env['KAFKA_BROKERS'] as string).split(','),
      topic: `${stack.topicPrefix}ledger.events`,
      groupId,
    },
    pool,
    table,
  );
  consumers.push(consumer);
  await consumer.start();
  return consumer;
}

/** Every message of the topic, until as many as `count` were read. */
async function readTopic(count: number): Promise<{ headers: Record<string, string>; value: unknown }[]> {
  const kafka = new Kafka({
    clientId: 'schema-probe',
    brokers: (process.env['KAFKA_BROKERS'] as string).split(','),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `schema-probe-${randomUUID()}` });
  const messages: { headers: Record<string, string>; value: unknown }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: `${stack.topicPrefix}ledger.events`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        messages.push({ headers, value: JSON.parse(message.value?.toString() ?? 'null') as unknown });
      },
    });
    await waitFor(async () => messages.length >= count, `${count} messages`, 30_000);
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

it("keeps a balance table from ledger.events alone that equals the ledger's, whatever is delivered twice", async () => {
  const teams = [await busyTeam(1_000), await busyTeam(3), await busyTeam(1)];

  const first = await startConsumer(`example-${randomUUID()}`);
  await caughtUp(first, teams);
  expect(first.seen.duplicate).toBe(0);
  const applied = first.seen.applied;
  expect(applied).toBeGreaterThanOrEqual(3 * 9);

  // A second group reads the whole topic again into the same table: every message the first
  // applied is one the table has, so it is skipped and nothing changes.
  const second = await startConsumer(`example-${randomUUID()}`);
  await waitFor(async () => second.seen.duplicate >= applied, `${applied} duplicates skipped`);
  await caughtUp(second, teams);

  const messages = await readTopic(applied);
  expect([...new Set(messages.map(({ headers }) => headers['event-type']))]).toEqual(
    expect.arrayContaining([
      'TeamOpened',
      'TopUpRecorded',
      'BalanceAdjusted',
      'SpendPolicySet',
      'ChargeAccepted',
      'ChargeRefused',
    ]),
  );
  const schemas = ledgerEventSchemas();
  for (const { headers, value } of messages) expect(ledgerEventMessageProblems(schemas, headers, value)).toEqual([]);
}, 180_000);

it('finds ledger.events, as the services created it, kept forever', async () => {
  const admin = new Kafka({
    clientId: 'retention-probe',
    brokers: (process.env['KAFKA_BROKERS'] as string).split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: `${stack.topicPrefix}ledger.events` }],
    });
    const settings = Object.fromEntries(
      resources[0].configEntries.map((entry) => [entry.configName, entry.configValue]),
    );
    expect([settings['retention.ms'], settings['retention.bytes']]).toEqual(['-1', '-1']);
  } finally {
    await admin.disconnect();
  }
});
