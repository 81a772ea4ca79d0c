import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { type Clock, CLOCK } from '@subledger/platform';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared/gateway-options';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_CLEANUP_MS = 10 * 60_000;

/** Deletes idempotency records past their retention (at least 24 h, docs/contract.md §3) every ten minutes. */
@Injectable()
export class IdempotencyCleanup {
  private readonly logger = new Logger(IdempotencyCleanup.name);

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  @Interval(IDEMPOTENCY_CLEANUP_MS)
  async run(): Promise<number> {
    try {
      const deleted = await this.store.deleteCreatedBefore(this.clock.now() - this.options.idempotencyRetentionMs);
      if (deleted > 0) this.logger.log(`Deleted ${deleted} idempotency records past retention`);
      return deleted;
    } catch (error) {
      // The next run tries again; expired records in the meantime are overwritten when their key is reused.
      this.logger.warn(`Idempotency cleanup failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
