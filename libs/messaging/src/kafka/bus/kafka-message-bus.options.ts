import { KafkaConnection } from '../kafka-connection';
import { MessagingLogger } from '../messaging-logger.port';
import { plainJsonTopics, type TopicCodecs } from './topic-codecs';

export interface KafkaMessageBusOptions {
  connection: KafkaConnection;
  logger: MessagingLogger;
  /**
   * How each topic's values are written and read (schema-version 2). Defaults to plain JSON with
   * bigints as decimal strings, which reads them back as strings: services give their contracts'
   * codecs (the platform's MessageBusModule does).
   */
  codecs?: TopicCodecs;
  /**
   * Put before every topic and consumer group name, so that several deployments (or test runs)
   * can share one cluster without seeing each other's messages, e.g. `staging.`. Handlers still
   * see the names without it. Defaults to none.
   */
  namespace?: string;
  /** Partitions of a topic this bus creates when `partitions` names no count for it. Defaults to 12. */
  defaultPartitions?: number;
  /** Partitions per topic name, e.g. `{ 'ledger.commands': 24 }`; dead-letter topics included. */
  partitions?: Record<string, number>;
  /** Topic-level settings of a topic this bus creates, per topic name, e.g. `{ 'ledger.events': { 'retention.ms': '-1' } }`. An existing topic keeps its own. */
  topicConfigs?: Record<string, Record<string, string>>;
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
  /** How long the group waits for a silent member (a killed process) before giving its partitions to others. Defaults to kafkajs' 30 s. */
  sessionTimeoutMs?: number;
  /** How often each consumer heartbeats, which bounds how soon it notices a rebalance. Defaults to kafkajs' 3 s; must stay below `sessionTimeoutMs`. */
  heartbeatIntervalMs?: number;
  /** How long a rebalance waits for live members to rejoin (a member busy longer is dropped from the group). Defaults to kafkajs' 60 s. */
  rebalanceTimeoutMs?: number;
  /** Retention of this instance's reply topic, in case it is not deleted (a crash). Defaults to 1 hour. */
  replyRetentionMs?: number;
  /** How long a hand-over that no broker takes is sent again before it fails with RequestTimeoutError. Defaults to 5 s. */
  handOverTimeoutMs?: number;
}

type OptionalKeys =
  | 'replicationFactor'
  | 'partitionsConsumedConcurrently'
  | 'maxBytesPerPartition'
  | 'sessionTimeoutMs'
  | 'heartbeatIntervalMs'
  | 'rebalanceTimeoutMs';

export type ResolvedBusOptions = Required<Omit<KafkaMessageBusOptions, OptionalKeys>> &
  Pick<KafkaMessageBusOptions, OptionalKeys>;

export function resolveBusOptions(options: KafkaMessageBusOptions): ResolvedBusOptions {
  const resolved = {
    namespace: '',
    codecs: plainJsonTopics,
    defaultPartitions: 12,
    partitions: {},
    topicConfigs: {},
    maxAttempts: 5,
    retryBackoffMs: 200,
    replyRetentionMs: 3_600_000,
    handOverTimeoutMs: 5_000,
    ...options,
  };
  if (!/^[a-zA-Z0-9._-]{0,100}$/.test(resolved.namespace))
    throw new Error(`Invalid Kafka namespace "${resolved.namespace}": letters, digits, '.', '_' and '-' only`);
  return resolved;
}
