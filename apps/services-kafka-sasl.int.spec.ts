/**
 * @long-running a SASL broker of its own and the services on it
 */
import { randomBytes } from 'node:crypto';
import { type ConsumedMessage, KafkaConnection, type MessagingLogger } from '@subledger/messaging';
import {
  type BrokerSasl,
  type DistributedStack,
  type KafkaBroker,
  saslEnvironment,
  startDistributedStack,
  startKafkaBroker,
  startServiceProcess,
} from '@subledger/test-harness';
import { postgresSite } from './cli/src/testing/operator-site';
import { runCli } from './cli/src/testing/run-cli';

// Kafka security (docs/deployment.md, "Kafka security"): brokers of the harness that accept only
// SASL clients (PLAIN, and SCRAM-SHA-256 with the user created when the storage is formatted), a
// client with and without the right password, and the three services from dist/ serving a charge
// through such a broker. The portable end-to-end suites run through one with
// SUBLEDGER_TEST_KAFKA_SASL (docs/deployment.md).

const quiet: MessagingLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
const uniqueName = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

function connection(broker: KafkaBroker, sasl: BrokerSasl | undefined): KafkaConnection {
  return new KafkaConnection({
    clientId: uniqueName('sasl-int'),
    brokers: broker.brokers,
    logger: quiet,
    logLevel: 'error',
    connectionTimeoutMs: 3_000,
    sasl,
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(['plain', 'scram-sha-256'] as const)('a SASL %s broker', (mechanism) => {
  const sasl: BrokerSasl = { mechanism, username: 'subledger', password: randomBytes(12).toString('hex') };
  let broker: KafkaBroker;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    broker = await startKafkaBroker({ externalBrokers: null, sasl });
  }, 120_000);
  afterAll(async () => {
    await broker?.stop();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('lets a client with the right credentials create a topic, produce and consume', async () => {
    const client = connection(broker, sasl);
    const topic = uniqueName('sasl');
    await client.topicAdmin().ensureTopics([{ topic, partitions: 1 }]);
    const producer = client.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send(topic, [{ key: 'team-1', value: 'hello over SASL', headers: {} }]);
    const received: ConsumedMessage[] = [];
    const consumer = client.consumer({ groupId: uniqueName('group'), topics: [topic] });
    cleanups.push(() => consumer.stop());
    await consumer.start(async (batch) => void received.push(...batch));
    await waitFor(() => received.length === 1, 'the message');
    expect(received[0].value.toString()).toBe('hello over SASL');
    expect(await client.checkBroker(3_000)).toBe(true);
  }, 60_000);

  it('refuses a wrong password at once, with an authentication error', async () => {
    const client = connection(broker, { ...sasl, password: 'not-the-password' });
    const producer = client.producer();
    cleanups.push(() => producer.disconnect());
    const started = Date.now();
    await expect(producer.connect()).rejects.toThrow(/SASL .*authentication failed/i);
    await expect(client.checkBroker(3_000)).rejects.toThrow(/authentication failed/i);
    expect(await client.brokerReachable(3_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  if (mechanism === 'plain') {
    it('keeps a service with a wrong password unready, saying the broker refused it, and never prints a password', async () => {
      const wrong = 'wrong-password-1234';
      const service = startServiceProcess('apps/ledger/src/main.ts', {
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: process.env.DATABASE_URL as string,
        DATABASE_SCHEMA: `ledger_${randomBytes(4).toString('hex')}`,
        KAFKA_BROKERS: broker.brokers.join(','),
        KAFKA_TOPIC_PREFIX: `${uniqueName('wrong')}.`,
        ...saslEnvironment({ ...sasl, password: wrong }),
      });
      cleanups.push(() => service.stop());
      const [, port] = await service.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
      await service.waitFor(/Could not reach a broker yet, trying again: SASL PLAIN authentication failed/, 30_000);
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      expect(service.output()).toContain('Kafka client: no TLS, SASL PLAIN as subledger');
      expect(service.output()).not.toContain(wrong);
    }, 90_000);

    it("lets the CLI's replay-events publish through it, and ends it naming the refusal on a wrong password", async () => {
      const site = await postgresSite();
      cleanups.push(() => site.dispose());
      await (await site.open()).close();
      const topicPrefix = `${uniqueName('cli')}.`;
      const env = { ...site.env, KAFKA_BROKERS: broker.brokers.join(','), KAFKA_TOPIC_PREFIX: topicPrefix };
      const published = await runCli(['replay-events'], { ...env, ...saslEnvironment(sasl) });
      expect(published.stderr).toContain(`0 events published to ${topicPrefix}ledger.events`);
      expect(published.code).toBe(0);
      const refused = await runCli(['replay-events'], {
        ...env,
        ...saslEnvironment({ ...sasl, password: 'wrong-password-5678' }),
      });
      expect(refused.stderr).toMatch(/SASL PLAIN authentication failed/);
      expect(refused.stderr).not.toContain('wrong-password-5678');
      expect(refused.code).toBe(2);
    }, 90_000);

    it.each([
      [
        { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'subledger' },
        'KAFKA_SASL_MECHANISM and KAFKA_SASL_USERNAME are set without KAFKA_SASL_PASSWORD',
      ],
      [
        { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' },
        'KAFKA_SSL_CA_FILE cannot be read (/nonexistent/ca.pem: ENOENT)',
      ],
    ])(
      'refuses to start a service with %j, naming the variable',
      async (security, message) => {
        const service = startServiceProcess('apps/accounts/src/main.ts', {
          PORT: '0',
          DATABASE_URL: process.env.DATABASE_URL as string,
          KAFKA_BROKERS: broker.brokers.join(','),
          ...security,
        });
        cleanups.push(() => service.stop());
        // The settings are checked where the bus is built, a provider of the module: Nest's
        // ExceptionHandler logs the error and ends the process with 1 before anything listens.
        expect(await service.exited()).toBe(1);
        expect(service.output()).toMatch(/\[ExceptionHandler\]/);
        expect(service.output()).toContain(`Error: Kafka security settings: ${message}`);
        expect(service.output()).not.toContain('listening on');
      },
      60_000,
    );
  }

  if (mechanism === 'scram-sha-256') {
    let stack: DistributedStack | undefined;
    afterAll(async () => {
      await stack?.stop();
    });

    it('carries a charge through the three services, started from dist/ with the SASL settings', async () => {
      stack = await startDistributedStack({
        env: { KAFKA_BROKERS: broker.brokers.join(','), ...saslEnvironment(sasl) },
      });
      const gateway = stack.gatewayUrls()[0];
      const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${gateway}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
      const team = await post('/admin/v1/teams', stack.adminToken, { name: 'Over SASL' });
      expect(team.status).toBe(201);
      const { team: created, apiKey } = (await team.json()) as { team: { id: string }; apiKey: { key: string } };
      expect(
        (
          await post(
            `/admin/v1/teams/${created.id}/top-ups`,
            stack.adminToken,
            { amount: 10 },
            { 'Idempotency-Key': randomBytes(8).toString('hex') },
          )
        ).status,
      ).toBe(201);
      expect((await post('/v1/messages', apiKey.key, { to: '+14155550100', text: 'charged over SASL' })).status).toBe(
        202,
      );
      const balance = await fetch(`${gateway}/v1/balance`, { headers: { authorization: `Bearer ${apiKey.key}` } });
      expect(balance.status).toBe(200);
      expect(((await balance.json()) as { balance: number }).balance).toBeLessThan(10);
      expect(stack.output()).toContain('SASL SCRAM-SHA-256 as subledger');
      expect(stack.output()).not.toContain(sasl.password);
    }, 180_000);
  }
});
