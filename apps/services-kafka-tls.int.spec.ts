import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type ConsumedMessage, KafkaConnection, type MessagingLogger } from '@subledger/messaging';
import { kafkaSecurity, type KafkaSecurityConfig } from '@subledger/platform';
import {
  type BrokerSasl,
  createTestCertificates,
  type KafkaBroker,
  startKafkaBroker,
  startServiceProcess,
  type TestCertificates,
  untilReady,
} from '@subledger/test-harness';

// Kafka security over TLS (docs/deployment.md, "Kafka security"): a harness broker with a SASL_SSL
// listener (SCRAM-SHA-512, as managed Kafkas offer it) that also requires a client certificate,
// all signed by a throwaway CA made with openssl. The settings go through the same mapping as the
// services' (kafkaSecurity), and a service from dist/ reads its PEM files at start and serves.

const quiet: MessagingLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
const uniqueName = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

describe('a SASL_SSL broker that requires client certificates', () => {
  const sasl: BrokerSasl = {
    mechanism: 'scram-sha-512',
    username: 'subledger',
    password: randomBytes(12).toString('hex'),
  };
  let certificates: TestCertificates;
  let broker: KafkaBroker;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    certificates = createTestCertificates();
    broker = await startKafkaBroker({
      externalBrokers: null,
      sasl,
      tls: {
        ca: certificates.ca,
        brokerKeyAndCertificate: certificates.brokerKeyAndCertificate,
        clientCertificate: {
          cert: readFileSync(certificates.clientCertFile, 'utf8'),
          key: readFileSync(certificates.clientKeyFile, 'utf8'),
        },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await broker?.stop();
    certificates?.remove();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  const connectionFor = (config: KafkaSecurityConfig) =>
    new KafkaConnection({
      clientId: uniqueName('tls-int'),
      brokers: broker.brokers,
      logger: quiet,
      logLevel: 'error',
      connectionTimeoutMs: 3_000,
      ...kafkaSecurity(config),
    });
  const base = (): KafkaSecurityConfig => ({
    KAFKA_SSL: true,
    KAFKA_SSL_CA_FILE: certificates.caFile,
    KAFKA_SSL_CERT_FILE: certificates.clientCertFile,
    KAFKA_SSL_KEY_FILE: certificates.clientKeyFile,
    KAFKA_SASL_MECHANISM: sasl.mechanism,
    KAFKA_SASL_USERNAME: sasl.username,
    KAFKA_SASL_PASSWORD: sasl.password,
  });
  /** The services' environment for this broker: the same settings as text, every file given unless left out. */
  const env = (): Record<string, string> => ({
    KAFKA_BROKERS: broker.brokers.join(','),
    ...Object.fromEntries(Object.entries(base()).map(([name, value]) => [name, String(value)])),
  });

  it('lets a client with the CA, its certificate and the password produce and consume', async () => {
    const client = connectionFor(base());
    const topic = uniqueName('tls');
    await client.topicAdmin().ensureTopics([{ topic, partitions: 1 }]);
    const producer = client.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send(topic, [{ key: 'team-1', value: 'hello over TLS', headers: {} }]);
    const received: ConsumedMessage[] = [];
    const consumer = client.consumer({ groupId: uniqueName('group'), topics: [topic] });
    cleanups.push(() => consumer.stop());
    await consumer.start(async (batch) => void received.push(...batch));
    const deadline = Date.now() + 30_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.map((message) => message.value.toString())).toEqual(['hello over TLS']);
  }, 60_000);

  it('refuses a client that does not trust the CA, one without a certificate, and a wrong password', async () => {
    // Node verifies the broker's certificate against its own CA list, which lacks the test CA.
    const { KAFKA_SSL_CA_FILE: _ca, ...withoutCa } = base();
    await expect(connectionFor(withoutCa).checkBroker(5_000)).rejects.toThrow(
      /^Connection error: unable to verify the first certificate/,
    );
    // The broker ends the handshake with TLS alert 42 (bad_certificate) when no certificate comes.
    const { KAFKA_SSL_CERT_FILE: _cert, KAFKA_SSL_KEY_FILE: _key, ...withoutCertificate } = base();
    await expect(connectionFor(withoutCertificate).checkBroker(5_000)).rejects.toThrow(
      /^Connection error: .*alert bad certificate.*SSL alert number 42/s,
    );
    await expect(connectionFor({ ...base(), KAFKA_SASL_PASSWORD: 'wrong' }).checkBroker(5_000)).rejects.toThrow(
      /^SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials/,
    );
    expect(await connectionFor(base()).checkBroker(5_000)).toBe(true);
  }, 60_000);

  it('serves from a service that reads its PEM files at start', async () => {
    const service = startServiceProcess('apps/ledger/src/main.ts', {
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: process.env.DATABASE_URL as string,
      DATABASE_SCHEMA: `ledger_${randomBytes(4).toString('hex')}`,
      KAFKA_TOPIC_PREFIX: `${uniqueName('tls')}.`,
      ...env(),
    });
    cleanups.push(() => service.stop());
    const [, port] = await service.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
    await untilReady(service, `http://127.0.0.1:${port}`, 60_000);
    expect(service.output()).toContain(
      'Kafka client: TLS (own CA) with a client certificate, SASL SCRAM-SHA-512 as subledger',
    );
    expect(service.output()).not.toContain(sasl.password);
  }, 90_000);
});
