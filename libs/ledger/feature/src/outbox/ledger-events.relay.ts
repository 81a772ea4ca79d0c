import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { MessageBus } from '@subledger/messaging';
import { EVENT_STORE, MESSAGE_BUS } from '@subledger/platform';
import { LEDGER_EVENTS_RELAY_OPTIONS, type ResolvedRelayOptions } from './ledger-events-relay.options';
import { type RelayBatch, relayBatch, type RelayStore } from './relay-batch';
import { relayLag, relayLagAfter } from './relay-lag';
import { PollingLoop } from '../schedule/polling-loop';
import { delayAfter } from './relay-schedule';

/** A bus that can create topics (the Kafka bus); the port itself cannot. */
interface TopicCreator {
  ensureTopics(topics: string[]): Promise<unknown>;
}

function canCreateTopics(bus: MessageBus): bus is MessageBus & TopicCreator {
  return typeof (bus as Partial<TopicCreator>).ensureTopics === 'function';
}

/**
 * The ledger's transactional outbox: the events table is committed with each command batch, and
 * this relay publishes what it holds to `ledger.events` in global order, batch after batch, for as
 * long as the application runs (see `relayBatch`). With several ledger replicas, the one holding
 * the relay's lock publishes and the others stand by until it stops or dies.
 */
@Injectable()
export class LedgerEventsRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LedgerEventsRelay.name);
  private readonly loop = new PollingLoop(() => this.relayOnce());
  private lastBatch: RelayBatch['type'] | 'failed' | undefined;
  private readonly lag = relayLag();

  constructor(
    @Inject(EVENT_STORE) private readonly store: RelayStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(LEDGER_EVENTS_RELAY_OPTIONS) private readonly options: ResolvedRelayOptions,
  ) {}

  /** After every module's init, so the bus is started and the store migrated. */
  async onApplicationBootstrap(): Promise<void> {
    if (canCreateTopics(this.bus)) await this.bus.ensureTopics([this.options.topic]);
    this.start();
  }

  /**
   * Module destruction comes before every shutdown hook, so the relay is stopped while the bus it
   * publishes to and the store it reads are both still open.
   */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    this.loop.start();
  }

  /** Resolves once the batch in progress, if any, is finished (checkpoint saved) or abandoned (rolled back). */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One batch; returns how long to wait before the next. Never throws: a failed batch is retried. */
  private async relayOnce(): Promise<number> {
    try {
      const batch = await relayBatch(this.store, this.bus, this.options);
      this.noteRole(batch.type);
      await this.measureLag(batch);
      return delayAfter(batch, this.options);
    } catch (error) {
      this.lastBatch = 'failed';
      const reason =
        error instanceof Error
          ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
          : String(error);
      this.logger.warn(`Ledger events batch not published, retrying in ${this.options.retryBackoffMs} ms: ${reason}`);
      return this.options.retryBackoffMs;
    }
  }

  /** A lag that cannot be read leaves the gauge as it was: the batch itself went well. */
  private async measureLag(batch: RelayBatch): Promise<void> {
    const behind = await relayLagAfter(this.store, this.options.name, batch, this.options.batchSize).catch(
      () => undefined,
    );
    if (behind !== undefined) this.lag.set(behind);
  }

  private noteRole(type: RelayBatch['type']): void {
    const wasStandby = this.lastBatch === 'standby';
    if (type === 'standby' && !wasStandby)
      this.logger.log(`Another relay publishes ledger events to ${this.options.topic}; standing by`);
    if (type !== 'standby' && (wasStandby || this.lastBatch === undefined))
      this.logger.log(`Publishing ledger events to ${this.options.topic}`);
    this.lastBatch = type;
  }
}
