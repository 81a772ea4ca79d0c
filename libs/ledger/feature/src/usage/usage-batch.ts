import {
  type EventProjection,
  projectBatch,
  type ProjectionBatch,
  type ProjectionStore,
} from '../schedule/projection-batch';
import { ledgerTables } from '../store/ledger-tables';
import { foldUsage } from './usage-fold';
import { usageStatements } from './usage-statements.sql';

export type UsageStore = ProjectionStore;

/** The projection's checkpoint row in the store's `subscription_checkpoints`, and its lock. */
export const USAGE_PROJECTION = 'ledger-usage';

/** What one pass of the projector did. */
export type UsageBatch = ProjectionBatch;

/** The usage projection of the store's schema: charges, refunds, refusals and spend per account and hour. */
export function usageProjection(quotedSchema: string): EventProjection {
  const statements = usageStatements(quotedSchema, ledgerTables(quotedSchema).usageHourly);
  return {
    name: USAGE_PROJECTION,
    statements,
    async apply(tx, events) {
      const rows = foldUsage(events).map((delta) => ({
        team_id: delta.teamId,
        account_id: delta.accountId,
        hour_start: String(delta.hourStart),
        charges: delta.charges,
        refunds: delta.refunds,
        refusals: delta.refusals,
        spend: delta.spend.toString(),
      }));
      if (rows.length > 0) await tx.query(statements.addDeltas, [JSON.stringify(rows)]);
    },
  };
}

/** One batch of the usage projection (see projectBatch): exactly once, rebuildable from zero. */
export function projectUsageBatch(store: UsageStore, batchSize: number): Promise<UsageBatch> {
  return projectBatch(store, usageProjection(store.quotedSchema), batchSize);
}
