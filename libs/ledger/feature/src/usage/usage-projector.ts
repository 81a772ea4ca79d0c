import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@subledger/platform';
import { ProjectionFollower } from '../schedule/projection-follower';
import { usageProjection, type UsageStore } from './usage-batch';

/**
 * Keeps the usage projection (charges, refunds, refusals and spend per account and hour) a short
 * moment behind the event store, for as long as the application runs (see ProjectionFollower).
 */
@Injectable()
export class UsageProjector extends ProjectionFollower {
  constructor(@Inject(EVENT_STORE) store: UsageStore) {
    super(store, usageProjection(store.quotedSchema), 'Usage projection');
  }
}
