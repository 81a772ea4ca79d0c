import { KafkaConnection } from '../kafka-connection';
import { MessagingLogger } from '../messaging-logger.port';

export interface KafkaMessageBusOptions {
  connection: KafkaConnection;
  logger: MessagingLogger;
  /** Partitions of a topic this bus creates when `partitions` names no count for it. Defaults to 12. */
  defaultPartitions?: number;
  /** Partitions per topic name, e.g. `{ 'ledger.commands': 24 }`; dead-letter topics included. */
  partitions?: Record<string, number>;
  /** Defaults to the broker's default. */
  replicationFactor?: number;
  /** Deliveries of a batch before it is split to isolate the message that keeps failing. Defaults to 5. */
  maxAttempts?: number;
  /** The n-th retry of a failed batch waits n times this. Defaults to 200 ms. */
  retryBackoffMs?: number;
  /** Partitions one subscription handles at once, each in order. Defaults to all of its topic's. */
  partitionsConsumedConcurrently?: number;
  /** Bounds one fetch per partition, hence one batch. Defaults to kafkajs' 1 MiB. */
  maxBytesPerPartition?: number;
  /** Retention of this instance's reply topic, in case it is not deleted (a crash). Defaults to 1 hour. */
  replyRetentionMs?: number;
}

export type ResolvedBusOptions = Required<Omit<KafkaMessageBusOptions, 'replicationFactor' | 'partitionsConsumedConcurrently' | 'maxBytesPerPartition'>> &
  Pick<KafkaMessageBusOptions, 'replicationFactor' | 'partitionsConsumedConcurrently' | 'maxBytesPerPartition'>;

export function resolveBusOptions(options: KafkaMessageBusOptions): ResolvedBusOptions {
  return { defaultPartitions: 12, partitions: {}, maxAttempts: 5, retryBackoffMs: 200, replyRetentionMs: 3_600_000, ...options };
}
