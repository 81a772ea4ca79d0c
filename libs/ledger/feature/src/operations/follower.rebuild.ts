import type { ProjectionTable, RebuildableProjection } from '@subledger/platform/standalone';
import type { EventProjection } from '../schedule/projection-batch';

/**
 * An asynchronous projection that follows the event store (usage, activity) as a rebuild: its own
 * `apply` folds every page into the staging table, the swap waits for its live follower's batch in
 * progress (its lock) and moves its checkpoint to the last event folded, so it goes on from there.
 */
export function followerRebuild(
  title: string,
  projectionIn: (quotedSchema: string) => EventProjection,
  table: ProjectionTable,
): RebuildableProjection {
  return {
    name: title,
    tables: [table],
    checkpoint: projectionIn('"public"').name,
    lockLive: (schemas) => {
      const live = projectionIn(schemas.live);
      return [[live.statements.waitLock, [schemas.liveName, live.name]]];
    },
    start: (schemas) => {
      const stage = projectionIn(schemas.stage);
      return { fold: (page, db) => stage.apply(db, page), flush: async () => undefined };
    },
  };
}
