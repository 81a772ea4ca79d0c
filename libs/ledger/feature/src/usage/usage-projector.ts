import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE } from '@subledger/platform';
import { lagAfter, projectionLag } from '../metrics/projection-lag';
import { PollingLoop } from '../schedule/polling-loop';
import { ledgerTables } from '../store/ledger-tables';
import { projectUsageBatch, USAGE_PROJECTION, type UsageStore } from './usage-batch';

const BATCH_SIZE = 1_000;
const POLL_INTERVAL_MS = 250;
const STANDBY_INTERVAL_MS = 1_000;
const RETRY_BACKOFF_MS = 1_000;

/**
 * Keeps the usage projection (charges, refunds, refusals and spend per account and hour) a short
 * moment behind the event store, batch after batch, for as long as the application runs. It reads
 * the store, not the writer's memory, so it runs beside the ledger's writer in any process; with
 * several replicas one projects and the others stand by.
 */
@Injectable()
export class UsageProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UsageProjector.name);
  private readonly loop = new PollingLoop(() => this.projectOnce());
  private failing = false;
  private readonly lag = projectionLag();

  constructor(@Inject(EVENT_STORE) private readonly store: UsageStore) {}

  /** After every module's init, so the ledger's tables exist. */
  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before the store closes. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Resolves once the projection holds every event committed before the call (tests settle on it). */
  async catchUp(): Promise<void> {
    for (;;) {
      const batch = await projectUsageBatch(this.store, BATCH_SIZE);
      if (batch.type === 'caught_up') return;
      if (batch.type === 'standby') await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  private async projectOnce(): Promise<number> {
    try {
      const batch = await projectUsageBatch(this.store, BATCH_SIZE);
      if (this.failing) this.logger.log('Usage projection working again');
      this.failing = false;
      if (batch.type === 'standby') return STANDBY_INTERVAL_MS;
      const behind = batch.type === 'projected' ? await lagAfter(this.store.sql, ledgerTables(this.store.quotedSchema), batch.read, BATCH_SIZE, batch.checkpoint) : 0;
      this.lag.set({ projection: USAGE_PROJECTION }, behind);
      return behind > 0 ? 0 : POLL_INTERVAL_MS;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Usage projection batch failed, retrying every ${RETRY_BACKOFF_MS} ms: ${(error as Error).message}`);
      this.failing = true;
      return RETRY_BACKOFF_MS;
    }
  }
}
