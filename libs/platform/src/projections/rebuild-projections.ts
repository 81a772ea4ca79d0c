import type { SqlEventStore, SqlEventStoreTransaction } from '@subledger/event-store';
import { eventPages, eventsHead, type EventReader } from './event-pages';
import { diffTable, type TableDifferences } from './projection-diff';
import type { ProjectionFold, Queryable, RebuildableProjection, RebuildSchemas } from './rebuildable-projection';
import { dropStage, prepareStage, rebuildSchemas, swapTables } from './staging-schema';

export type RebuildStore = Pick<SqlEventStore, 'sql' | 'schema' | 'readAll' | 'transaction'>;

export interface RebuildProgress {
  readonly read: number;
  /** Events in the store when the rebuild began. */
  readonly total: number;
}

export interface RebuildOptions {
  /** Events read per page. Default 5,000. */
  readonly pageSize?: number;
  /** Aborting stops the fold between pages; the live tables stay untouched. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** False compares only: the staging tables are dropped and the live ones kept. Default true. */
  readonly swap?: boolean;
  /** Differing rows listed per table. Default 100. */
  readonly listedDifferences?: number;
}

export interface RebuildResult {
  /** Events folded, those committed during the rebuild included. */
  readonly events: number;
  readonly differences: readonly TableDifferences[];
  readonly swapped: boolean;
}

/**
 * Folds every event of the store again, from position zero, into fresh copies of the projections'
 * tables in a staging schema, then in one transaction waits for the live writers, folds what they
 * committed meanwhile, compares the copies with the live tables and swaps them in (docs/deployment.md,
 * "Operator CLI"). Until that transaction commits nothing live has changed, so an interruption at
 * any point leaves the live tables as they were; the next run drops the staging schema and starts over.
 */
export async function rebuildProjections(
  store: RebuildStore,
  projections: readonly RebuildableProjection[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const { pageSize = 5_000, signal, onProgress, swap = true, listedDifferences = 100 } = options;
  const schemas = rebuildSchemas(store.schema);
  const tables = projections.flatMap((projection) => projection.tables);
  await prepareStage(store.sql, schemas, tables);
  const folds = projections.map((projection) => projection.start(schemas));
  const head = await eventsHead(store.sql, schemas.live);
  let read = 0;
  onProgress?.({ read, total: head.count });
  const last = await foldPages(store, store.sql, folds, -1n, head.position, pageSize, (page) => {
    signal?.throwIfAborted();
    read += page;
    onProgress?.({ read, total: head.count });
  });
  for (const fold of folds) await fold.flush(store.sql);
  signal?.throwIfAborted();
  const result = await store.transaction(async (tx) => {
    await lockLive(tx, projections, schemas);
    const caughtUp = await foldPages(tx, tx, folds, last, null, pageSize, (page) => (read += page));
    for (const fold of folds) await fold.flush(tx);
    const differences: TableDifferences[] = [];
    for (const table of tables) differences.push(await diffTable(tx, schemas, table, listedDifferences));
    if (!swap) return { events: read, differences, swapped: false };
    await swapTables(tx, schemas, tables);
    await saveCheckpoints(tx, projections, schemas, caughtUp);
    await dropStage(tx, schemas);
    return { events: read, differences, swapped: true };
  });
  if (!result.swapped) await dropStage(store.sql, schemas);
  return result;
}

/** Folds the pages after `after` (up to `until`) into every fold; answers the last position folded. */
async function foldPages(
  reader: EventReader,
  db: Queryable,
  folds: readonly ProjectionFold[],
  after: bigint,
  until: bigint | null,
  pageSize: number,
  onPage: (events: number) => void,
): Promise<bigint> {
  let last = after;
  for await (const page of eventPages(reader, after, until, pageSize)) {
    for (const fold of folds) await fold.fold(page, db);
    last = page[page.length - 1].globalPosition;
    onPage(page.length);
  }
  return last;
}

/**
 * The live followers' locks first (their batches take them before touching a table), then the live
 * tables themselves: a writer's transaction in flight ends before the lock is granted, and the next
 * one waits for the swap, so every event committed before the lock is in the catch-up.
 */
async function lockLive(
  tx: SqlEventStoreTransaction,
  projections: readonly RebuildableProjection[],
  schemas: RebuildSchemas,
): Promise<void> {
  for (const projection of projections) {
    for (const [sql, params] of projection.lockLive?.(schemas) ?? []) await tx.query(sql, params);
  }
  const names = projections.flatMap((projection) => projection.tables.map((table) => `${schemas.live}.${table.name}`));
  if (names.length > 0) await tx.query(`LOCK TABLE ${names.join(', ')} IN ACCESS EXCLUSIVE MODE`);
}

async function saveCheckpoints(
  tx: Queryable,
  projections: readonly RebuildableProjection[],
  schemas: RebuildSchemas,
  last: bigint,
): Promise<void> {
  for (const { checkpoint } of projections) {
    if (checkpoint === undefined) continue;
    await tx.query(`DELETE FROM ${schemas.live}.subscription_checkpoints WHERE subscription_name = $1`, [checkpoint]);
    if (last >= 0n)
      await tx.query(
        `INSERT INTO ${schemas.live}.subscription_checkpoints (subscription_name, position) VALUES ($1, $2::bigint)`,
        [checkpoint, last.toString()],
      );
  }
}
