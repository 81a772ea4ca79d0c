import { Kafka, logLevel } from 'kafkajs';
import { ConsumerLagProbe } from './consumer-lag-probe';
import { KafkaConnectionConfig } from './kafka-connection.config';
import { kafkaLogCreator, toKafkaLogLevel } from './kafka-log-creator';
import { KafkaConsumerOptions, KafkaMessageConsumer } from './kafka-message-consumer';
import { KafkaMessageProducer, KafkaProducerOptions } from './kafka-message-producer';
import { kafkaSecurityOptions } from './kafka-security-options';
import { KafkaTopicAdmin } from './kafka-topic-admin';
import { MessageConsumer } from './message-consumer.port';
import { MessageProducer } from './message-producer.port';
import { TopicAdmin } from './topic-admin.port';

/**
 * The one place that knows kafkajs: it builds the admin, producers and consumers behind the
 * messaging ports, so replacing the client (kafkajs is no longer maintained) touches this folder only.
 */
export class KafkaConnection {
  private readonly kafka: Kafka;

  constructor(private readonly config: KafkaConnectionConfig) {
    this.kafka = new Kafka({
      clientId: config.clientId,
      brokers: config.brokers,
      connectionTimeout: config.connectionTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      logLevel: toKafkaLogLevel(config.logLevel ?? 'info'),
      logCreator: kafkaLogCreator(config.logger),
      ...kafkaSecurityOptions(config),
    });
  }

  /** Names this process; the message bus derives its reply topic from it. */
  get clientId(): string {
    return this.config.clientId;
  }

  topicAdmin(): TopicAdmin {
    return new KafkaTopicAdmin(this.kafka, this.config.logger);
  }

  producer(options?: KafkaProducerOptions): MessageProducer {
    return new KafkaMessageProducer(this.kafka, options);
  }

  consumer(options: KafkaConsumerOptions): MessageConsumer {
    return new KafkaMessageConsumer(this.kafka, options);
  }

  /**
   * Whether a broker answers a metadata request within `timeoutMs`, asked on a connection of its
   * own that neither retries nor logs: for a readiness probe, which asks again soon anyway.
   */
  async brokerReachable(timeoutMs: number): Promise<boolean> {
    return this.checkBroker(timeoutMs).catch(() => false);
  }

  /**
   * Like brokerReachable(), but a broker that refuses the credentials (or any other error of the
   * request) rejects with kafkajs' error, so a start-up can say why it waits.
   */
  async checkBroker(timeoutMs: number): Promise<boolean> {
    const probe = new Kafka({
      clientId: this.config.clientId,
      brokers: this.config.brokers,
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
      ...kafkaSecurityOptions(this.config),
    });
    const admin = probe.admin();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const asked = admin
      .connect()
      .then(() => admin.describeCluster())
      .then((cluster) => cluster.brokers.length > 0);
    try {
      return await Promise.race([asked, deadline]);
    } finally {
      clearTimeout(timer);
      asked.catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Reads consumer groups' lag (docs/deployment.md, "Metrics"); close it when done. */
  consumerLagProbe(): ConsumerLagProbe {
    return new ConsumerLagProbe(this.kafka.admin());
  }
}
