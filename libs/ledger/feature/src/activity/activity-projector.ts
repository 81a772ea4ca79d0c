import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE } from '@subledger/platform';
import type { ProjectionStore } from '../schedule/projection-batch';
import { ProjectionFollower } from '../schedule/projection-follower';
import { activityProjection } from './activity-batch';

/**
 * Keeps the activity projection (charges accepted, refunds and refusals by reason per minute, every
 * team together) a short moment behind the event store, for as long as the application runs (see
 * ProjectionFollower and docs/decisions.md, "Operations dashboard").
 */
@Injectable()
export class ActivityProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly follower: ProjectionFollower;

  constructor(@Inject(EVENT_STORE) store: ProjectionStore) {
    this.follower = new ProjectionFollower(store, activityProjection(store.quotedSchema), 'Activity projection');
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
