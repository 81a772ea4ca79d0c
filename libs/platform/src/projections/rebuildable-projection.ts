import type { RecordedEvent, SqlClient } from '@subledger/event-store';

/** A table a projection writes: its key, and the columns a rebuild compares with the live table. */
export interface ProjectionTable {
  /** Its name in the event store's schema, unquoted. */
  readonly name: string;
  /** The columns of its primary key, in order. */
  readonly key: readonly string[];
  /** The columns compared with the live rows (bookkeeping such as a batch's version may be left out). */
  readonly compared: readonly string[];
}

/** Where a rebuild reads and writes: the live schema and the staging schema beside it. */
export interface RebuildSchemas {
  /** The live schema's plain name, as advisory locks key on it. */
  readonly liveName: string;
  /** Both quoted for SQL. */
  readonly live: string;
  readonly stage: string;
}

export type Queryable = Pick<SqlClient, 'query'>;

/** One run of a projection's fold, writing into the staging tables. */
export interface ProjectionFold {
  /** Events of every stream in global order, a page at a time; rows may be held in memory until `flush`. */
  fold(events: readonly RecordedEvent[], db: Queryable): Promise<void>;
  /** Writes the rows the fold holds and has not written yet; called after the last page and again after the swap's catch-up. */
  flush(db: Queryable): Promise<void>;
}

/**
 * A projection that `rebuildProjections` can fold again from position zero into fresh tables and
 * swap in (docs/deployment.md, "Operator CLI"). Adding one to a service's list is all a new
 * projection needs.
 */
export interface RebuildableProjection {
  readonly name: string;
  readonly tables: readonly ProjectionTable[];
  /** The checkpoint of its live follower (subscription_checkpoints), set to the rebuild's last event by the swap. */
  readonly checkpoint?: string;
  /** Statements that wait for its live follower's batch in progress and keep the next one out until the swap commits. */
  readonly lockLive?: (schemas: RebuildSchemas) => [string, unknown[]][];
  start(schemas: RebuildSchemas): ProjectionFold;
}
