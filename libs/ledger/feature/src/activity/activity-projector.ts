import { Inject, Injectable } from '@nestjs/common';
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
export class ActivityProjector extends ProjectionFollower {
  constructor(@Inject(EVENT_STORE) store: ProjectionStore) {
    super(store, activityProjection(store.quotedSchema), 'Activity projection');
  }
}
