import { randomUUID } from 'node:crypto';
import { MessageBusClosedError } from '../port/message-bus-closed.error';
import { type BatchHandler, type Envelope, Headers } from '../port/message-envelope';
import { partitionForKey } from '../port/partition-for-key';
import { RequestTimeoutError } from '../port/request-timeout.error';
import type { MessageBus, SubscribeOptions } from '../port/message-bus.port';
import { HandOvers } from './hand-overs';
import { PartitionLog } from './partition-log';

export interface InProcessBusOptions {
  /** Partitions of a topic created on first use. */
  defaultPartitions?: number;
  /** Most messages handed to a handler at once. */
  maxBatch?: number;
  /** Deliveries of one message before it goes to the dead-letter topic. */
  maxAttempts?: number;
}

/** Between deliveries of a batch that keeps failing, once its normal attempts are spent. */
const RETRY_FOREVER_PAUSE_MS = 100;

interface Subscription {
  group: string;
  handler: BatchHandler;
  retryForever: boolean;
  draining: Set<number>;
}

interface PendingRequest {
  resolve: (value: unknown) => void;
  timer: NodeJS.Timeout;
}

const REPLY_TO_SELF = 'in-process';

/**
 * The embedded mode's transport. It keeps the Kafka semantics the services rely on: a key always
 * maps to one partition, a partition is handled in order and one batch at a time per consumer group,
 * delivery is at-least-once (a failed batch is delivered again), a message that keeps failing goes to
 * `<topic>.dead-letter` with its reason while the partition moves on, and requests get replies by
 * correlation id. It is not durable: what matters for money is committed by the ledger before any
 * reply, exactly as with Kafka.
 */
export class InProcessBus implements MessageBus {
  private readonly topics = new Map<string, PartitionLog[]>();
  private readonly subscriptions = new Map<string, Subscription[]>();
  private readonly pending = new Map<string, PendingRequest>();
  private readonly handOvers = new HandOvers();
  private readonly options: Required<InProcessBusOptions>;
  private closed = false;

  constructor(options: InProcessBusOptions = {}) {
    this.options = { defaultPartitions: 12, maxBatch: 500, maxAttempts: 5, ...options };
  }

  createTopic(topic: string, partitions = this.options.defaultPartitions): void {
    if (this.topics.has(topic)) return;
    this.topics.set(
      topic,
      Array.from({ length: partitions }, () => new PartitionLog()),
    );
  }

  publish(topic: string, key: string, value: unknown, headers: Record<string, string> = {}): Envelope {
    const partitions = this.partitionsOf(topic);
    const partition = partitionForKey(key, partitions.length);
    const envelope = partitions[partition].append({ topic, partition, key, value, headers });
    this.schedule(topic, partition);
    return envelope;
  }

  handOver(topic: string, key: string, value: unknown, headers: Record<string, string> = {}): Promise<void> {
    if (this.closed) return Promise.reject(new MessageBusClosedError());
    const envelope = this.publish(topic, key, value, headers);
    const groups = this.subscriptions.get(topic) ?? [];
    if (groups.length === 0) return Promise.resolve();
    return this.handOvers.wait(this.partitionsOf(topic)[envelope.partition], envelope.offset);
  }

  request<R>(
    topic: string,
    key: string,
    value: unknown,
    options: { timeoutMs: number; headers?: Record<string, string> },
  ): Promise<R> {
    const correlationId = options.headers?.[Headers.correlationId] ?? randomUUID();
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new RequestTimeoutError(topic, options.timeoutMs));
      }, options.timeoutMs);
      this.pending.set(correlationId, { resolve: resolve as (value: unknown) => void, timer });
      this.publish(topic, key, value, {
        ...options.headers,
        [Headers.correlationId]: correlationId,
        [Headers.replyTo]: REPLY_TO_SELF,
      });
    });
  }

  subscribe<T, R>(topic: string, group: string, handler: BatchHandler<T, R>, options: SubscribeOptions = {}): void {
    const partitions = this.partitionsOf(topic);
    const list = this.subscriptions.get(topic) ?? [];
    if (list.some((s) => s.group === group)) throw new Error(`Group ${group} already consumes ${topic}`);
    list.push({
      group,
      handler: handler as BatchHandler,
      retryForever: options.onRepeatedFailure === 'retry',
      draining: new Set(),
    });
    this.subscriptions.set(topic, list);
    partitions.forEach((log, partition) => {
      log.join(group);
      this.schedule(topic, partition);
    });
  }

  /** Stops delivery, forgets every request still waiting for a reply and fails every hand-over still waiting. */
  close(): void {
    this.closed = true;
    for (const [id, request] of this.pending) {
      clearTimeout(request.timer);
      this.pending.delete(id);
    }
    this.handOvers.failAll(new MessageBusClosedError());
  }

  /** The offset below which every group consuming the topic has handled this partition. */
  private handledByAll(topic: string, log: PartitionLog): number {
    let lowest = log.endOffset;
    for (const subscription of this.subscriptions.get(topic) ?? [])
      lowest = Math.min(lowest, log.position(subscription.group));
    return lowest;
  }

  private partitionsOf(topic: string): PartitionLog[] {
    this.createTopic(topic);
    return this.topics.get(topic) as PartitionLog[];
  }

  private schedule(topic: string, partition: number): void {
    for (const subscription of this.subscriptions.get(topic) ?? []) {
      if (subscription.draining.has(partition)) continue;
      subscription.draining.add(partition);
      setImmediate(() => void this.drain(topic, partition, subscription));
    }
  }

  private async drain(topic: string, partition: number, subscription: Subscription): Promise<void> {
    const log = this.partitionsOf(topic)[partition];
    try {
      while (!this.closed) {
        const batch = log.read(subscription.group, this.options.maxBatch);
        if (batch.length === 0) return;
        const handled = await this.deliver(batch, subscription);
        if (handled === 0) return;
        log.commit(subscription.group, batch[handled - 1].offset + 1);
        this.handOvers.settle(log, this.handledByAll(topic, log));
      }
    } finally {
      subscription.draining.delete(partition);
      if (!this.closed && log.position(subscription.group) < log.endOffset) this.schedule(topic, partition);
    }
  }

  /**
   * Delivers a batch until it succeeds; past maxAttempts, isolates the poison message (or, for a
   * `retry` subscription, keeps trying). Returns how many were handled; 0 once the bus is closed.
   */
  private async deliver(batch: Envelope[], subscription: Subscription): Promise<number> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.options.maxAttempts || subscription.retryForever; attempt++) {
      if (this.closed) return 0;
      if (attempt > this.options.maxAttempts)
        await new Promise((resolve) => setTimeout(resolve, RETRY_FOREVER_PAUSE_MS));
      try {
        this.sendReplies(batch, await subscription.handler(batch));
        return batch.length;
      } catch (error) {
        lastError = error;
      }
    }
    if (batch.length > 1) return this.deliver(batch.slice(0, Math.ceil(batch.length / 2)), subscription);
    this.deadLetter(batch[0], lastError);
    return 1;
  }

  private sendReplies(batch: Envelope[], replies: unknown[]): void {
    batch.forEach((message, i) => {
      const correlationId = message.headers[Headers.correlationId];
      if (message.headers[Headers.replyTo] !== REPLY_TO_SELF || correlationId === undefined) return;
      const request = this.pending.get(correlationId);
      if (!request || replies[i] === undefined) return;
      clearTimeout(request.timer);
      this.pending.delete(correlationId);
      request.resolve(replies[i]);
    });
  }

  private deadLetter(message: Envelope, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.publish(`${message.topic}.dead-letter`, message.key, message.value, {
      ...message.headers,
      [Headers.deadLetterReason]: reason,
      [Headers.attempts]: String(this.options.maxAttempts),
    });
  }
}
