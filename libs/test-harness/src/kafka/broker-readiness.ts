import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import type { KafkaBrokerOptions } from './kafka-broker';
import { isPortOpen } from './free-port';
import { WatchedProcess } from './watched-process';

export class BrokerStartError extends Error {
  constructor(
    message: string,
    readonly brokerOutput: string,
  ) {
    super(`${message}\n--- last broker output ---\n${brokerOutput || '(none)'}`);
    this.name = 'BrokerStartError';
  }

  /** Another process took one of the chosen ports between the probe and the broker's bind. */
  get isPortTaken(): boolean {
    return /BindException|Address already in use/.test(this.brokerOutput);
  }
}

/**
 * Polls until the client port accepts connections and a Kafka client can read the cluster
 * metadata. The port opens only after the controller has unfenced the broker, but a client is the
 * only proof that requests are actually served.
 */
export async function waitUntilReady(
  broker: WatchedProcess,
  port: number,
  timeoutMs: number,
  security: Pick<KafkaBrokerOptions, 'sasl' | 'tls'> = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (broker.hasExited()) {
      throw new BrokerStartError(
        `The Kafka broker exited during start-up (status ${broker.exitCode()})`,
        broker.output(),
      );
    }
    if (Date.now() > deadline) {
      throw new BrokerStartError(`The Kafka broker was not ready within ${timeoutMs} ms`, broker.output());
    }
    if ((await isPortOpen(port)) && (await servesMetadata(port, security))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function servesMetadata(port: number, { sasl, tls }: Pick<KafkaBrokerOptions, 'sasl' | 'tls'>): Promise<boolean> {
  const admin = new Kafka({
    ...(sasl ? { sasl: { ...sasl } as SASLOptions } : {}),
    ...(tls ? { ssl: { ca: [tls.ca], ...tls.clientCertificate } } : {}),
    clientId: 'subledger-test-harness',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
