import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { lagAfter, projectionLag } from '../metrics/projection-lag';
import { ledgerTables } from '../store/ledger-tables';
import { PollingLoop } from './polling-loop';
import { type EventProjection, projectBatch, type ProjectionStore } from './projection-batch';

const BATCH_SIZE = 1_000;
const POLL_INTERVAL_MS = 250;
const STANDBY_INTERVAL_MS = 1_000;
const RETRY_BACKOFF_MS = 1_000;

/**
 * Keeps one projection a short moment behind the event store, batch after batch, until stopped,
 * and reports how far it trails in the projection-lag gauge. It reads the store, not the writer's
 * memory, so it runs beside the ledger's writer in any process; with several replicas one projects
 * and the others stand by (the projection's lock). A Nest provider extends it with its projection:
 * it starts after every module's init (the ledger's tables exist) and stops before the store closes.
 */
export class ProjectionFollower implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private readonly loop = new PollingLoop(() => this.projectOnce());
  private failing = false;
  private readonly lag = projectionLag();

  constructor(
    private readonly store: ProjectionStore,
    private readonly projection: EventProjection,
    /** Names the projection in log lines, e.g. `Usage projection`. */
    private readonly label: string,
  ) {
    this.logger = new Logger(label.replace(/\s+/g, ''));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Resolves once the projection holds every event committed before the call (tests settle on it). */
  async catchUp(): Promise<void> {
    for (;;) {
      const batch = await projectBatch(this.store, this.projection, BATCH_SIZE);
      if (batch.type === 'caught_up') return;
      if (batch.type === 'standby') await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  private async projectOnce(): Promise<number> {
    try {
      const batch = await projectBatch(this.store, this.projection, BATCH_SIZE);
      if (this.failing) this.logger.log(`${this.label} working again`);
      this.failing = false;
      if (batch.type === 'standby') return STANDBY_INTERVAL_MS;
      const behind =
        batch.type === 'projected'
          ? await lagAfter(
              this.store.sql,
              ledgerTables(this.store.quotedSchema),
              batch.read,
              BATCH_SIZE,
              batch.checkpoint,
            )
          : 0;
      this.lag.set({ projection: this.projection.name }, behind);
      return behind > 0 ? 0 : POLL_INTERVAL_MS;
    } catch (error) {
      if (!this.failing)
        this.logger.warn(
          `${this.label} batch failed, retrying every ${RETRY_BACKOFF_MS} ms: ${(error as Error).message}`,
        );
      this.failing = true;
      return RETRY_BACKOFF_MS;
    }
  }
}
