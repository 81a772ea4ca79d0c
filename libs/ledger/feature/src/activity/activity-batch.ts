import {
  type EventProjection,
  projectBatch,
  type ProjectionBatch,
  type ProjectionStore,
} from '../schedule/projection-batch';
import { ledgerTables } from '../store/ledger-tables';
import { foldActivity } from './activity-fold';
import { activityStatements } from './activity-statements.sql';

/** The projection's checkpoint row in the store's `subscription_checkpoints`, and its lock. */
export const ACTIVITY_PROJECTION = 'ledger-activity';

/**
 * The minutes kept: those of the 48 hours before the newest minute the projection has folded in.
 * Counted from the events' own times, not the clock, so a rebuild from zero ends with the same rows.
 */
export const ACTIVITY_RETENTION_MS = 48 * 3_600_000;

/** The activity projection of the store's schema: charges accepted, refunds and refusals by reason per minute, system-wide. */
export function activityProjection(quotedSchema: string): EventProjection {
  const statements = activityStatements(quotedSchema, ledgerTables(quotedSchema).activityMinutes);
  return {
    name: ACTIVITY_PROJECTION,
    statements,
    async apply(tx, events) {
      const { deltas, newestMinute } = foldActivity(events);
      if (deltas.length === 0 || newestMinute === undefined) return;
      const rows = deltas.map((delta) => ({
        minute_start: String(delta.minuteStart),
        outcome: delta.outcome,
        reason: delta.reason,
        count: delta.count,
      }));
      await tx.query(statements.addDeltas, [JSON.stringify(rows)]);
      await tx.query(statements.forgetBefore, [String(newestMinute - ACTIVITY_RETENTION_MS)]);
    },
  };
}

/** One batch of the activity projection (see projectBatch): exactly once, rebuildable from zero. */
export function projectActivityBatch(store: ProjectionStore, batchSize: number): Promise<ProjectionBatch> {
  return projectBatch(store, activityProjection(store.quotedSchema), batchSize);
}
