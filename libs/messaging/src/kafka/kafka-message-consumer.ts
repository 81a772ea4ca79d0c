import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { nextOffset, toConsumedMessage } from './kafka-message-mapping';
import { ConsumedBatchHandler, MessageConsumer } from './message-consumer.port';

export interface KafkaConsumerOptions {
  groupId: string;
  topics: string[];
  /** Where a group without committed offsets starts; defaults to the beginning, so nothing is missed. */
  fromBeginning?: boolean;
  /** Partitions handled at the same time by this consumer; each one stays in order. Defaults to 1. */
  partitionsConsumedConcurrently?: number;
  /** Upper bound of one fetch per partition, hence of one batch; kafkajs' default is 1 MiB. */
  maxBytesPerPartition?: number;
  /** How long the group waits for a silent member (a killed process) before giving its partitions to others. Defaults to kafkajs' 30 s. */
  sessionTimeoutMs?: number;
  /** How often this member tells the group it is alive, and so how soon it notices a rebalance. Defaults to kafkajs' 3 s. */
  heartbeatIntervalMs?: number;
  /** How long the group waits for its live members to rejoin during a rebalance. Defaults to kafkajs' 60 s. */
  rebalanceTimeoutMs?: number;
  /**
   * How long the broker holds a fetch open while there is nothing new. It adds no latency when
   * messages arrive, but stop() waits for the fetch in flight, so kafkajs' 5 s default would make
   * every shutdown of an idle consumer take 5 s. Defaults to 1 s.
   */
  maxWaitTimeMs?: number;
  /**
   * Wait before starting again after a failure kafkajs does not restart from by itself (an error
   * it deems non-retriable, e.g. a reply the broker refuses as too large). Defaults to 5 s.
   */
  restartAfterCrashMs?: number;
}

const DEFAULT_RESTART_AFTER_CRASH_MS = 5_000;

/**
 * A consumer-group member that hands the handler whole batches (eachBatch) rather than single
 * messages: the ledger decides and commits a batch in one database transaction, and one offset
 * commit per batch instead of per message keeps Kafka off the critical path. Offsets are committed
 * by hand, only after the handler has returned, so a crash re-delivers (at-least-once) and never
 * skips.
 */
export class KafkaMessageConsumer implements MessageConsumer {
  private readonly consumer: Consumer;
  private started = false;
  private stopped = false;
  private restart: NodeJS.Timeout | undefined;
  private member = false;

  constructor(
    kafka: Kafka,
    private readonly options: KafkaConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: options.maxBytesPerPartition,
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: options.heartbeatIntervalMs,
      rebalanceTimeout: options.rebalanceTimeoutMs,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
    });
    // Readiness reports membership (docs/deployment.md, "Health"): a join makes this consumer a member, anything that ends its session does not.
    const { GROUP_JOIN, STOP, CRASH, DISCONNECT } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, () => (this.member = true));
    for (const event of [STOP, CRASH, DISCONNECT]) this.consumer.on(event, () => (this.member = false));
  }

  isMember(): boolean {
    return this.member;
  }

  async start(handler: ConsumedBatchHandler): Promise<void> {
    if (this.started) throw new Error(`Consumer of group ${this.options.groupId} already started`);
    this.started = true;
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.restartLater(handler);
    });
    await this.run(handler);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restart);
    // kafkajs' disconnect stops the fetch loop, waits for the batch in progress and leaves the group.
    await this.consumer.disconnect();
  }

  private async run(handler: ConsumedBatchHandler): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => handleBatch(payload, handler),
    });
  }

  /**
   * kafkajs restarts a consumer after a retriable failure only; after any other it logs the crash
   * and stays stopped, leaving the process running while its partitions are consumed by no one.
   * Starting again redelivers the uncommitted batch (at-least-once), whose handling may then succeed.
   */
  private restartLater(handler: ConsumedBatchHandler): void {
    if (this.stopped) return;
    const afterMs = this.options.restartAfterCrashMs ?? DEFAULT_RESTART_AFTER_CRASH_MS;
    this.consumer
      .logger()
      .error(`Consumer of group ${this.options.groupId} stopped after a crash; starting it again in ${afterMs} ms`, {
        groupId: this.options.groupId,
      });
    clearTimeout(this.restart);
    this.restart = setTimeout(() => {
      if (this.stopped) return;
      this.run(handler).catch((error: unknown) => {
        this.consumer
          .logger()
          .error(`Consumer of group ${this.options.groupId} could not start again: ${String(error)}`, {
            groupId: this.options.groupId,
          });
        this.restartLater(handler);
      });
    }, afterMs);
  }
}

async function handleBatch(payload: EachBatchPayload, handler: ConsumedBatchHandler): Promise<void> {
  const { batch } = payload;
  // After a rebalance or a stop the partition may belong to someone else by now: leave the batch
  // uncommitted for its new owner rather than process it twice at the same time.
  if (!payload.isRunning() || payload.isStale() || batch.messages.length === 0) return;
  const context = { isActive: () => payload.isRunning() && !payload.isStale(), heartbeat: () => payload.heartbeat() };
  await handler(
    batch.messages.map((message) => toConsumedMessage(batch.topic, batch.partition, message)),
    context,
  );
  const last = batch.messages[batch.messages.length - 1].offset;
  payload.resolveOffset(last);
  await payload.commitOffsetsIfNecessary({
    topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: nextOffset(last) }] }],
  });
  await payload.heartbeat();
}
