import { Kafka } from 'kafkajs';
import { ConsumerLagProbe } from './consumer-lag-probe';
import { KafkaConnectionConfig } from './kafka-connection.config';
import { kafkaLogCreator, toKafkaLogLevel } from './kafka-log-creator';
import { KafkaConsumerOptions, KafkaMessageConsumer } from './kafka-message-consumer';
import { KafkaMessageProducer, KafkaProducerOptions } from './kafka-message-producer';
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

  /** Reads consumer groups' lag (docs/deployment.md, "Metrics"); close it when done. */
  consumerLagProbe(): ConsumerLagProbe {
    return new ConsumerLagProbe(this.kafka.admin());
  }
}
