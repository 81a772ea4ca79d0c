import { randomUUID } from 'node:crypto';
import { MessageBusClosedError } from '../../port/message-bus-closed.error';
import { RequestTimeoutError } from '../../port/request-timeout.error';
import { type BatchHandler, Headers } from '../../port/message-envelope';
import type { MessageBus, SubscribeOptions } from '../../port/message-bus.port';
import type { ConsumerLagProbe } from '../consumer-lag-probe';
import type { PartitionLag } from '../consumer-lag';
import { MessageConsumer } from '../message-consumer.port';
import { MessageProducer } from '../message-producer.port';
import { EnsuredTopic, TopicAdmin } from '../topic-admin.port';
import { isTransientSendFailure } from '../transient-kafka-errors';
import { CoalescingSender } from './coalescing-sender';
import { deadLetterTopicOf } from './dead-letter';
import { KafkaMessageBusOptions, ResolvedBusOptions, resolveBusOptions } from './kafka-message-bus.options';
import { PendingRequests } from './pending-requests';
import { replyListener } from './reply-listener';
import { ReplyTopics } from './reply-topics';
import { SubscriptionWorker } from './subscription-worker';
import { WIRE_SCHEMA_VERSION } from './topic-codecs';

/** Bounds how long close() waits for the replies of requests in flight; each has its own, shorter, deadline. */
const MAX_DRAIN_MS = 60_000;

interface Started {
  producer: MessageProducer;
  sender: CoalescingSender;
  replyTopic: string;
  replyConsumer: MessageConsumer;
}

/**
 * The distributed mode's transport, with the in-process bus' semantics over Kafka: keyed publish
 * through the idempotent producer, consumer groups taking ordered batches per partition and
 * committing only after the handler and its replies succeeded, poison messages moved to
 * `<topic>.dead-letter`, and request-reply through a reply topic owned by this instance, so that
 * with several replicas of a service each reply reaches the replica that asked.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly options: ResolvedBusOptions;
  private readonly admin: TopicAdmin;
  private readonly pending = new PendingRequests();
  private readonly replyTopics: ReplyTopics;
  private readonly subscriptions = new Map<string, MessageConsumer>();
  private readonly groups = new Set<string>();
  private lagProbe: ConsumerLagProbe | undefined;
  private started: Started | undefined;
  private closed = false;

  constructor(options: KafkaMessageBusOptions) {
    this.options = resolveBusOptions(options);
    this.admin = options.connection.topicAdmin();
    this.replyTopics = new ReplyTopics(this.admin);
  }

  /** This instance's reply topic; set by start(). */
  get replyTopic(): string {
    return this.running().replyTopic;
  }

  /** Connects the producer, creates this instance's reply topic and starts listening on it. */
  async start(): Promise<void> {
    if (this.started || this.closed) throw new Error('KafkaMessageBus can be started once');
    const { connection, logger, replyRetentionMs } = this.options;
    const producer = connection.producer();
    await producer.connect();
    const replyTopic = `${this.options.namespace}replies.${connection.clientId}.${randomUUID().slice(0, 8)}`;
    await this.admin.ensureTopics([
      {
        topic: replyTopic,
        partitions: 1,
        replicationFactor: this.options.replicationFactor,
        configs: { 'retention.ms': String(replyRetentionMs) },
      },
    ]);
    // The group is as unique as the topic, and starts from the beginning, so no reply is missed
    // even if one arrives before the group has joined.
    const replyConsumer = connection.consumer({
      groupId: replyTopic,
      topics: [replyTopic],
      fromBeginning: true,
      ...this.groupTimings(),
    });
    await replyConsumer.start(replyListener(this.pending, logger));
    this.started = { producer, sender: new CoalescingSender(producer), replyTopic, replyConsumer };
  }

  /** Creates the missing topics with their configured partition counts and settings; existing ones stay as they are. */
  ensureTopics(topics: string[]): Promise<EnsuredTopic[]> {
    return this.admin.ensureTopics(
      topics.map((topic) => ({
        topic: this.named(topic),
        partitions: this.partitionsOf(topic),
        replicationFactor: this.options.replicationFactor,
        configs: this.options.topicConfigs[topic],
      })),
    );
  }

  async publish(topic: string, key: string, value: unknown, headers: Record<string, string> = {}): Promise<void> {
    const { sender } = this.running();
    await sender.send(this.named(topic), {
      key,
      value: this.options.codecs.request(topic).encode(value),
      headers: { [Headers.schemaVersion]: WIRE_SCHEMA_VERSION, ...headers },
    });
  }

  /**
   * The idempotent producer waits for every in-sync replica, so an acknowledged publish is durable.
   * One that no broker takes (down, restarting) is sent again like a request's (publishRequest)
   * for up to `handOverTimeoutMs`, then fails with RequestTimeoutError: it may or may not have
   * been taken (503 upstream_timeout at the gateway, whose client retries with its key).
   */
  async handOver(topic: string, key: string, value: unknown, headers: Record<string, string> = {}): Promise<void> {
    const { handOverTimeoutMs, logger } = this.options;
    const deadline = Date.now() + handOverTimeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.publish(topic, key, value, headers);
      } catch (error) {
        if (this.closed || !isTransientSendFailure(error)) throw error;
        if (Date.now() >= deadline)
          throw new RequestTimeoutError(
            topic,
            handOverTimeoutMs,
            `Not taken by a broker on ${topic} within ${handOverTimeoutMs} ms: ${(error as Error).message}`,
          );
        if (attempt === 1)
          logger.warn(
            `A hand-over could not be sent, sending it again for up to ${handOverTimeoutMs} ms: ${(error as Error).message}`,
          );
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(1_000, 250 * attempt, Math.max(0, deadline - Date.now()))),
        );
      }
    }
  }

  async request<R>(
    topic: string,
    key: string,
    value: unknown,
    options: { timeoutMs: number; headers?: Record<string, string> },
  ): Promise<R> {
    const { replyTopic } = this.running();
    const correlationId = options.headers?.[Headers.correlationId] ?? randomUUID();
    const replyCodec = this.options.codecs.reply(topic, value);
    const reply = this.pending.wait<R>(correlationId, topic, options.timeoutMs, replyCodec);
    const headers = { ...options.headers, [Headers.correlationId]: correlationId, [Headers.replyTo]: replyTopic };
    this.publishRequest(correlationId, () => this.publish(topic, key, value, headers), 1);
    return reply;
  }

  /** Creates the topic and its dead-letter topic if missing, and resolves once the group consumes. */
  async subscribe<T, R>(
    topic: string,
    group: string,
    handler: BatchHandler<T, R>,
    options: SubscribeOptions = {},
  ): Promise<void> {
    const { sender } = this.running();
    const id = `${topic}\u0000${group}`;
    if (this.subscriptions.has(id)) throw new Error(`Group ${group} already consumes ${topic}`);
    const [ensured] = await this.ensureTopics([topic, deadLetterTopicOf(topic)]);
    const { connection, logger, maxAttempts, retryBackoffMs } = this.options;
    const consumer = connection.consumer({
      groupId: this.named(group),
      topics: [this.named(topic)],
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? ensured.partitions,
      maxBytesPerPartition: this.options.maxBytesPerPartition,
      ...this.groupTimings(),
    });
    this.subscriptions.set(id, consumer);
    this.groups.add(this.named(group));
    const send = (to: string, message: Parameters<CoalescingSender['send']>[1]) => sender.send(to, message);
    const delivery = { maxAttempts, retryBackoffMs, retryForever: options.onRepeatedFailure === 'retry' };
    // Handlers see the topic's own name, without the namespace, as with the in-process bus.
    const named: BatchHandler = (batch) => (handler as BatchHandler)(batch.map((envelope) => ({ ...envelope, topic })));
    const worker = new SubscriptionWorker(
      topic,
      this.options.codecs,
      this.options.namespace === '' ? (handler as BatchHandler) : named,
      delivery,
      send,
      this.replyTopics,
      logger,
    );
    await consumer.start((batch, context) => worker.handle(batch, context));
  }

  /**
   * How far this instance's subscription groups trail their topics, per partition (Kafka's names,
   * namespace included). The groups of other instances and this instance's reply group are not
   * measured. Asks the broker: for a periodic metric, never for the path of a request.
   */
  consumerLags(): Promise<PartitionLag[]> {
    if (this.closed) return Promise.resolve([]);
    this.lagProbe ??= this.options.connection.consumerLagProbe();
    return this.lagProbe.lags([...this.groups]);
  }

  /**
   * How far the named groups of any instance (names before the namespace, e.g. the services'
   * groups seen from the gateway) trail their topics, per partition, through the same admin client.
   * Asks the broker: for an operator's read or a periodic metric, not for the path of a message.
   */
  groupLags(groups: readonly string[]): Promise<PartitionLag[]> {
    if (this.closed) return Promise.resolve([]);
    this.lagProbe ??= this.options.connection.consumerLagProbe();
    return this.lagProbe.lags(groups.map((group) => this.named(group)));
  }

  /** Whether each consumer of this instance (its subscriptions' groups and its reply listener) is a member of its group now. */
  groupMembership(): { group: string; member: boolean }[] {
    const groups = [...this.subscriptions.entries()].map(([id, consumer]) => ({
      group: this.named(id.split('\u0000')[1]),
      member: consumer.isMember(),
    }));
    if (!this.started) return groups;
    return [...groups, { group: this.started.replyTopic, member: this.started.replyConsumer.isMember() }];
  }

  /**
   * Stops the subscriptions (each finishes or abandons its batch, uncommitted, and leaves its
   * group), lets the requests still waiting get their replies within their own deadlines (a
   * gateway's in-flight HTTP requests are answered rather than cut), then deletes this instance's
   * reply topic. Nothing new can be asked meanwhile.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions.values()].map((consumer) => consumer.stop()));
    await this.pending.drained(MAX_DRAIN_MS);
    this.pending.failAll();
    await this.lagProbe?.close();
    if (!this.started) return;
    const { producer, replyConsumer, replyTopic } = this.started;
    await replyConsumer.stop();
    await producer.disconnect();
    await this.admin.deleteTopics([replyTopic]);
  }

  /**
   * A request that could not be sent for want of a broker (down, restarting, leaders moving:
   * docs/deployment.md, "Failures and restarts") is sent again, a quarter of a second and then up to a second apart,
   * for as long as it waits for its reply: a broker back within the deadline serves it, and
   * otherwise it times out like any request nobody answered (503 upstream_timeout at the gateway),
   * rather than failing at once as an internal error. A send that failed may still have reached the
   * broker, so its handler may see it twice, as after any redelivery (delivery is at-least-once,
   * docs/architecture.md §3). Any other failure fails the request at once.
   */
  private publishRequest(correlationId: string, publish: () => Promise<void>, attempt: number): void {
    publish().catch((error: unknown) => {
      if (this.closed || !this.pending.isWaiting(correlationId) || !isTransientSendFailure(error)) {
        this.pending.settle(correlationId, { error });
        return;
      }
      if (attempt === 1)
        this.options.logger.warn(
          `A request could not be sent, sending it again until its deadline: ${(error as Error).message}`,
          { correlationId },
        );
      setTimeout(() => this.publishRequest(correlationId, publish, attempt + 1), Math.min(1_000, 250 * attempt));
    });
  }

  private groupTimings(): Pick<
    KafkaMessageBusOptions,
    'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'rebalanceTimeoutMs'
  > {
    const { sessionTimeoutMs, heartbeatIntervalMs, rebalanceTimeoutMs } = this.options;
    return { sessionTimeoutMs, heartbeatIntervalMs, rebalanceTimeoutMs };
  }

  private named(topicOrGroup: string): string {
    return `${this.options.namespace}${topicOrGroup}`;
  }

  private partitionsOf(topic: string): number {
    return this.options.partitions[topic] ?? this.options.defaultPartitions;
  }

  private running(): Started {
    if (this.closed) throw new MessageBusClosedError();
    if (!this.started) throw new Error('KafkaMessageBus is not started: call start() first');
    return this.started;
  }
}
