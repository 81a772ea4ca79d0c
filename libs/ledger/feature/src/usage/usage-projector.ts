import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE } from '@subledger/platform';
import { ProjectionFollower } from '../schedule/projection-follower';
import { usageProjection, type UsageStore } from './usage-batch';

/**
 * Keeps the usage projection (charges, refunds, refusals and spend per account and hour) a short
 * moment behind the event store, for as long as the application runs (see ProjectionFollower).
 */
@Injectable()
export class UsageProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly follower: ProjectionFollower;

  constructor(@Inject(EVENT_STORE) store: UsageStore) {
    this.follower = new ProjectionFollower(store, usageProjection(store.quotedSchema), 'Usage projection');
  }

  /** After every module's init, so the ledger's tables exist. */
  onApplicationBootstrap(): void {
    this.follower.start();
  }

  /** Before the store closes. */
  onModuleDestroy(): Promise<void> {
    return this.follower.stop();
  }

  /** Resolves once the projection holds every event committed before the call (tests settle on it). */
  catchUp(): Promise<void> {
    return this.follower.catchUp();
  }
}
