import type { RecordedEvent, SqlClient, SqlEventStore } from '@subledger/event-store';
import { type FollowerStatements, loadCheckpoint } from './follower-statements.sql';

export type ProjectionStore = Pick<SqlEventStore, 'transaction' | 'schema' | 'quotedSchema' | 'sql'>;

/** An asynchronous projection of the event store: its checkpoint's name, its SQL, and its fold. */
export interface EventProjection {
  /** The checkpoint row in the store's `subscription_checkpoints`, and the name of its lock. */
  readonly name: string;
  readonly statements: FollowerStatements;
  /** Adds what `events` did to the projection's rows, in the batch's transaction. */
  apply(tx: Pick<SqlClient, 'query'>, events: readonly RecordedEvent[]): Promise<void>;
}

/** What one pass of a projector did. */
export type ProjectionBatch =
  | { readonly type: 'standby' }
  | { readonly type: 'caught_up' }
  | { readonly type: 'projected'; readonly read: number; readonly checkpoint: bigint };

/**
 * One batch of a projection, in one transaction: take its lock (or give up), read the events after
 * its checkpoint in global order, apply them to its rows, and move the checkpoint. The rows and the
 * checkpoint commit together, so every event is counted exactly once, whatever stops the process;
 * dropping the rows and the checkpoint rebuilds it from position zero. Events commit in position
 * order (the store appends under a lock held to the commit), so none can appear later at or below
 * the checkpoint.
 */
export function projectBatch(
  store: ProjectionStore,
  projection: EventProjection,
  batchSize: number,
): Promise<ProjectionBatch> {
  const { statements, name } = projection;
  return store.transaction(async (tx): Promise<ProjectionBatch> => {
    const { rows: lock } = await tx.query<{ locked: boolean }>(statements.tryLock, [store.schema, name]);
    if (lock[0]?.locked !== true) return { type: 'standby' };
    const after = await loadCheckpoint(tx, statements, name);
    const events = await tx.readAll({ fromPosition: after === undefined ? 0n : after + 1n, maxCount: batchSize });
    if (events.length === 0) return { type: 'caught_up' };
    await projection.apply(tx, events);
    const checkpoint = events[events.length - 1].globalPosition;
    await tx.query(statements.saveCheckpoint, [name, checkpoint.toString()]);
    return { type: 'projected', read: events.length, checkpoint };
  });
}
