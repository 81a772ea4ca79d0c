import type { SqlEventStore } from '@subledger/event-store';
import { loadCheckpoint } from '../schedule/follower-statements.sql';
import { ledgerTables } from '../store/ledger-tables';
import { foldUsage } from './usage-fold';
import { usageStatements } from './usage-statements.sql';

export type UsageStore = Pick<SqlEventStore, 'transaction' | 'schema' | 'quotedSchema' | 'sql'>;

/** The projection's checkpoint row in the store's `subscription_checkpoints`, and its lock. */
export const USAGE_PROJECTION = 'ledger-usage';

/** What one pass of the projector did. */
export type UsageBatch =
  | { readonly type: 'standby' }
  | { readonly type: 'caught_up' }
  | { readonly type: 'projected'; readonly read: number; readonly checkpoint: bigint };

/**
 * One batch of the usage projection, in one transaction: take its lock (or give up), read the
 * events after its checkpoint in global order, add what they did to the hourly rows, and move the
 * checkpoint. The rows and the checkpoint commit together, so every event is counted exactly once,
 * whatever stops the process; dropping the rows and the checkpoint rebuilds it from position zero.
 * Events commit in position order (the store appends under a lock held to the commit), so none can
 * appear later at or below the checkpoint.
 */
export function projectUsageBatch(store: UsageStore, batchSize: number): Promise<UsageBatch> {
  const statements = usageStatements(store.quotedSchema, ledgerTables(store.quotedSchema).usageHourly);
  return store.transaction(async (tx): Promise<UsageBatch> => {
    const { rows: lock } = await tx.query<{ locked: boolean }>(statements.tryLock, [store.schema, USAGE_PROJECTION]);
    if (lock[0]?.locked !== true) return { type: 'standby' };
    const after = await loadCheckpoint(tx, statements, USAGE_PROJECTION);
    const events = await tx.readAll({ fromPosition: after === undefined ? 0n : after + 1n, maxCount: batchSize });
    if (events.length === 0) return { type: 'caught_up' };
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
    const checkpoint = events[events.length - 1].globalPosition;
    await tx.query(statements.saveCheckpoint, [USAGE_PROJECTION, checkpoint.toString()]);
    return { type: 'projected', read: events.length, checkpoint };
  });
}
