import type { BatchHandler } from '../../port/message-envelope';
import type { MessageBus, SubscribeOptions } from '../../port/message-bus.port';
import { MessageBusClosedError } from '../../port/message-bus-closed.error';
import { RequestTimeoutError } from '../../port/request-timeout.error';
import type { KafkaMessageBus } from '../bus/kafka-message-bus';
import type { PartitionLag } from '../consumer-lag';
import type { KafkaConnection } from '../kafka-connection';
import type { MessagingLogger } from '../messaging-logger.port';
import { isKafkaAuthenticationError } from '../kafka-security-options';
import type { EnsuredTopic } from '../topic-admin.port';
import { Backoff, sleep } from './backoff';

export type KafkaStartupState =
  'not_started' | 'waiting_for_broker' | 'creating_topics' | 'joining' | 'ready' | 'closed';

export interface KafkaReadiness {
  state: KafkaStartupState;
  /** Whether a broker answered just now. */
  brokerReachable: boolean;
  /** Every consumer group of this process and whether it is a member now. */
  groups: { group: string; member: boolean }[];
  ready: boolean;
}

export interface StartingKafkaBusOptions {
  /** A fresh, unstarted bus (wrapped as the process wants it); one per attempt, a failed one is closed. */
  createBus: () => KafkaMessageBus;
  connection: KafkaConnection;
  logger: MessagingLogger;
  /** `host:port` list, for the log lines. */
  brokers: string[];
  /** Created before the bus starts: every topic the process's services use. */
  topics: string[];
  /** First wait between attempts, doubled after each failure up to `maxBackoffMs`. Defaults to 250 ms and 5 s. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a publish made before the bus is ready waits for it. Defaults to 5 s. */
  publishWaitMs?: number;
}

interface Subscription {
  topic: string;
  group: string;
  handler: BatchHandler<unknown, unknown>;
  options?: SubscribeOptions;
}

const PROBE_TIMEOUT_MS = 2_000;

/**
 * The Kafka bus as a distributed service starts it, in any order and on any broker state
 * (docs/deployment.md, "Start-up and health"). Until start() it only records what the service
 * asks for: subscriptions join their groups once the service can serve, i.e. once its store is
 * migrated (module init) and it listens (start() is called after listen). start() then, in the
 * background and for as long as it takes, waits for a broker, creates the topics, waits for their
 * leaders, connects the producer and joins the groups, with a capped back-off between attempts
 * and one log line per state, never per retry. close() leaves every group it joined.
 */
export class StartingKafkaBus implements MessageBus {
  private state: KafkaStartupState = 'not_started';
  private bus: KafkaMessageBus | undefined;
  private readonly subscriptions: Subscription[] = [];
  private readonly topics: string[];
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private readonly readyWaiters = new Set<() => void>();
  private lastFailure = '';

  constructor(private readonly options: StartingKafkaBusOptions) {
    this.topics = [...options.topics];
  }

  /** Starts connecting in the background; the returned promise settles once ready or closed. */
  start(): Promise<void> {
    this.running ??= this.run().catch((error: unknown) =>
      this.options.logger.error(`Kafka start-up stopped: ${describe(error)}`),
    );
    return this.running;
  }

  async readiness(): Promise<KafkaReadiness> {
    const brokerReachable =
      this.state === 'closed' ? false : await this.options.connection.brokerReachable(PROBE_TIMEOUT_MS);
    const groups = this.bus?.groupMembership() ?? this.subscriptions.map((s) => ({ group: s.group, member: false }));
    const ready = this.state === 'ready' && brokerReachable && groups.every((g) => g.member);
    return { state: this.state, brokerReachable, groups, ready };
  }

  subscribe<T, R>(
    topic: string,
    group: string,
    handler: BatchHandler<T, R>,
    options?: SubscribeOptions,
  ): Promise<void> {
    if (this.bus) return this.bus.subscribe(topic, group, handler, options);
    this.subscriptions.push({ topic, group, handler: handler as BatchHandler<unknown, unknown>, options });
    return Promise.resolve();
  }

  async ensureTopics(topics: string[]): Promise<EnsuredTopic[]> {
    if (this.bus) return this.bus.ensureTopics(topics);
    // Once each: the broker refuses a creation that names a topic twice (the ledger's relay asks
    // again for ledger.events, which every service's list already holds).
    this.topics.push(...new Set(topics.filter((topic) => !this.topics.includes(topic))));
    return [];
  }

  async publish(topic: string, key: string, value: unknown, headers?: Record<string, string>): Promise<void> {
    const bus = await this.whenReady(this.options.publishWaitMs ?? 5_000);
    if (!bus) throw this.notReady(`nothing was published to ${topic}`);
    await bus.publish(topic, key, value, headers);
  }

  async handOver(topic: string, key: string, value: unknown, headers?: Record<string, string>): Promise<void> {
    const bus = await this.whenReady(this.options.publishWaitMs ?? 5_000);
    if (!bus) throw this.notReady(`nothing was handed over to ${topic}`);
    await bus.handOver(topic, key, value, headers);
  }

  /** Before the bus is ready, waits for it within the request's own deadline, then times out as a request does. */
  async request<R>(
    topic: string,
    key: string,
    value: unknown,
    options: { timeoutMs: number; headers?: Record<string, string> },
  ): Promise<R> {
    if (this.bus) return this.bus.request<R>(topic, key, value, options);
    const started = Date.now();
    const bus = await this.whenReady(options.timeoutMs);
    const left = options.timeoutMs - (Date.now() - started);
    if (this.state === 'closed') throw new MessageBusClosedError();
    if (!bus || left <= 0) throw new RequestTimeoutError(topic, options.timeoutMs);
    return bus.request<R>(topic, key, value, { ...options, timeoutMs: left });
  }

  consumerLags(): Promise<PartitionLag[]> {
    return this.bus?.consumerLags() ?? Promise.resolve([]);
  }

  groupLags(groups: readonly string[]): Promise<PartitionLag[]> {
    return this.bus?.groupLags(groups) ?? Promise.resolve([]);
  }

  /** Ends the start-up wherever it is and closes the bus: its consumers leave their groups. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.abort.abort();
    await this.running;
    const bus = this.bus;
    this.bus = undefined;
    this.wakeWaiters();
    await bus?.close();
  }

  private async run(): Promise<void> {
    const { logger, brokers } = this.options;
    this.enter('waiting_for_broker', `Waiting for Kafka at ${brokers.join(',')}`);
    await this.untilDone('reach a broker', async () => {
      // A broker that refuses the credentials is named as such (docs/deployment.md, "Kafka security").
      const reachable = await this.options.connection.checkBroker(PROBE_TIMEOUT_MS).catch((error: unknown) => {
        if (isKafkaAuthenticationError(error)) throw error;
        return false;
      });
      if (!reachable) throw new Error('no broker answered');
    });
    if (this.abort.signal.aborted) return;
    this.enter('creating_topics', 'Kafka reachable, creating topics');
    await this.untilDone('create the topics', () => this.options.createBus().ensureTopics(this.topics));
    if (this.abort.signal.aborted) return;
    this.enter(
      'joining',
      `Topics ready (${this.topics.length}), connecting the producer and joining ${this.subscriptions.length} consumer group(s)`,
    );
    const bus = await this.untilDone('start the bus', () => this.startedBus());
    if (!bus || !(await this.untilJoined(bus))) return;
    this.bus = bus;
    this.enter(
      'ready',
      `Consumers joined: ${bus
        .groupMembership()
        .map((g) => g.group)
        .join(', ')}`,
    );
    this.wakeWaiters();
    logger.debug('Kafka bus ready');
  }

  /** A bus started afresh: topics asked for since, producer, reply topic, then each subscription in order. A failed one is closed (it leaves what it joined). */
  private async startedBus(): Promise<KafkaMessageBus> {
    const bus = this.options.createBus();
    try {
      await bus.ensureTopics(this.topics);
      await bus.start();
      for (let i = 0; i < this.subscriptions.length && !this.abort.signal.aborted; i++) {
        const { topic, group, handler, options } = this.subscriptions[i];
        await bus.subscribe(topic, group, handler, options);
      }
      if (this.abort.signal.aborted) throw new Error('closed while starting');
      return bus;
    } catch (error) {
      await bus.close().catch(() => undefined);
      throw error;
    }
  }

  /** kafkajs joins in the background after a failed first join (a coordinator still moving): waits until every consumer is a member, or the bus is closed. */
  private async untilJoined(bus: KafkaMessageBus): Promise<boolean> {
    const since = Date.now();
    let warned = false;
    while (!this.abort.signal.aborted) {
      const waiting = bus.groupMembership().filter((g) => !g.member);
      if (waiting.length === 0) return true;
      if (!warned && Date.now() - since > 30_000) {
        warned = true;
        this.options.logger.warn(`Still joining consumer groups: ${waiting.map((g) => g.group).join(', ')}`);
      }
      await sleep(100, this.abort.signal);
    }
    await bus.close().catch(() => undefined);
    return false;
  }

  /** Runs `attempt` until it succeeds or the bus is closed (then resolves undefined), waiting more after each failure. */
  private async untilDone<T>(what: string, attempt: () => Promise<T>): Promise<T | undefined> {
    const backoff = new Backoff(this.options.initialBackoffMs, this.options.maxBackoffMs);
    while (!this.abort.signal.aborted) {
      try {
        return await attempt();
      } catch (error) {
        if (this.abort.signal.aborted) return undefined;
        this.noteFailure(what, error);
        await sleep(backoff.delay(), this.abort.signal);
      }
    }
    return undefined;
  }

  /** A reason is logged once, when it first appears; the same failure again is a debug line. */
  private noteFailure(what: string, error: unknown): void {
    const reason = `Could not ${what} yet, trying again: ${describe(error)}`;
    if (reason === this.lastFailure) return this.options.logger.debug(reason);
    this.lastFailure = reason;
    this.options.logger.warn(reason);
  }

  private enter(state: KafkaStartupState, line: string): void {
    if (this.abort.signal.aborted) return;
    this.state = state;
    this.lastFailure = '';
    this.options.logger.info(line);
  }

  /** Closing (a SIGTERM) is said as such, so the gateway answers 503 `shutting_down` rather than a timeout or a 500. */
  private notReady(what: string): Error {
    return this.state === 'closed'
      ? new MessageBusClosedError()
      : new Error(`Kafka is not connected yet (${this.state}): ${what}`);
  }

  private whenReady(timeoutMs: number): Promise<KafkaMessageBus | undefined> {
    if (this.bus || this.state === 'closed') return Promise.resolve(this.bus);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.readyWaiters.delete(wake);
        resolve(this.bus);
      };
      const timer = setTimeout(wake, timeoutMs);
      this.readyWaiters.add(wake);
    });
  }

  private wakeWaiters(): void {
    for (const wake of [...this.readyWaiters]) wake();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
