import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { toKafkaMessage } from './kafka-message-mapping';
import { MessageProducer, OutgoingMessage, TopicMessages } from './message-producer.port';
import { isLostProducerState } from './transient-kafka-errors';

export interface KafkaProducerOptions {
  /** Defaults to none: our payloads are small JSON and the ledger path is latency-bound. */
  compression?: 'none' | 'gzip';
}

/**
 * An idempotent producer: the broker discards the duplicates a retry would otherwise write, so a
 * retried send can neither duplicate nor reorder a key's messages. kafkajs supports that only with
 * one request in flight per connection.
 *
 * A broker that lost this producer's state (SIGKILLed and started again: docs/deployment.md,
 * "Failures and restarts") may refuse every further send of it with OUT_OF_ORDER_SEQUENCE_NUMBER,
 * which kafkajs never recovers from: a whole service stopped answering that way. Such a send is
 * made again once, by a new kafkajs producer (a new producer id, its sequences from zero). The
 * refused partition's messages were not written; another partition's of the same send may have
 * been, and are then written twice, as any redelivery would (delivery is at-least-once,
 * docs/architecture.md §3).
 */
export class KafkaMessageProducer implements MessageProducer {
  private producer: Producer;
  private replacing: Promise<void> | undefined;
  private readonly compression: CompressionTypes;

  constructor(
    private readonly kafka: Kafka,
    options: KafkaProducerOptions = {},
  ) {
    this.producer = this.newProducer();
    this.compression = options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.sending((producer) =>
      producer.send({ topic, messages: messages.map(toKafkaMessage), acks: -1, compression: this.compression }),
    );
  }

  async sendBatch(batches: TopicMessages[]): Promise<void> {
    const topicMessages = batches
      .filter((batch) => batch.messages.length > 0)
      .map((batch) => ({ topic: batch.topic, messages: batch.messages.map(toKafkaMessage) }));
    if (topicMessages.length === 0) return;
    await this.sending((producer) => producer.sendBatch({ topicMessages, acks: -1, compression: this.compression }));
  }

  async disconnect(): Promise<void> {
    await this.replacing?.catch(() => undefined);
    await this.producer.disconnect();
  }

  private async sending(send: (producer: Producer) => Promise<unknown>): Promise<void> {
    const producer = this.producer;
    try {
      await send(producer);
    } catch (error) {
      if (!isLostProducerState(error)) throw error;
      await this.replace(producer);
      await send(this.producer);
    }
  }

  /** Connects a new producer in place of `failed`, once however many sends failed with it. */
  private replace(failed: Producer): Promise<void> {
    if (this.producer !== failed) return this.replacing ?? Promise.resolve();
    this.replacing ??= (async () => {
      const fresh = this.newProducer();
      await fresh.connect();
      this.producer = fresh;
      await failed.disconnect().catch(() => undefined);
    })().finally(() => (this.replacing = undefined));
    return this.replacing;
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's murmur2 partitioner, so that any other client sends a key to the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }
}
