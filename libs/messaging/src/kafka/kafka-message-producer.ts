import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { toKafkaMessage } from './kafka-message-mapping';
import { MessageProducer, OutgoingMessage, TopicMessages } from './message-producer.port';

export interface KafkaProducerOptions {
  /** Defaults to none: our payloads are small JSON and the ledger path is latency-bound. */
  compression?: 'none' | 'gzip';
}

/**
 * An idempotent producer: the broker discards the duplicates a retry would otherwise write, so a
 * retried send can neither duplicate nor reorder a key's messages. kafkajs supports that only with
 * one request in flight per connection.
 */
export class KafkaMessageProducer implements MessageProducer {
  private readonly producer: Producer;
  private readonly compression: CompressionTypes;

  constructor(kafka: Kafka, options: KafkaProducerOptions = {}) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's murmur2 partitioner, so that any other client sends a key to the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.compression = options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({ topic, messages: messages.map(toKafkaMessage), acks: -1, compression: this.compression });
  }

  async sendBatch(batches: TopicMessages[]): Promise<void> {
    const topicMessages = batches
      .filter((batch) => batch.messages.length > 0)
      .map((batch) => ({ topic: batch.topic, messages: batch.messages.map(toKafkaMessage) }));
    if (topicMessages.length === 0) return;
    await this.producer.sendBatch({ topicMessages, acks: -1, compression: this.compression });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
