import { PGlite } from '@electric-sql/pglite';
import { SqlEventStore } from '../sql/sql-event-store';
import { PgliteSqlClient } from './pglite-sql-client';
import { PgliteWorkerSqlClient } from './pglite-worker-sql-client';

export interface PgliteEventStoreOptions {
  /** A PGlite the caller owns and closes, or a data directory (`memory://` too) that `close()` closes. */
  db: PGlite | string;
  schema?: string;
}

/** The event store in PGlite, PostgreSQL compiled to WebAssembly. Call `migrate()` once before use. */
export async function createPgliteEventStore({ db, schema }: PgliteEventStoreOptions): Promise<SqlEventStore> {
  // One connection: transactions never overlap, so appends need no lock to keep commit order.
  if (typeof db !== 'string')
    return new SqlEventStore(new PgliteSqlClient(db), { schema, concurrentTransactions: false });
  const owned = await PGlite.create(db);
  return new SqlEventStore(new PgliteSqlClient(owned), {
    schema,
    onClose: () => owned.close(),
    concurrentTransactions: false,
  });
}

export interface PgliteWorkerEventStoreOptions {
  /** The data directory (`memory://` too); the worker thread owns the database and `close()` stops it. */
  dataDir: string;
  schema?: string;
}

/**
 * The event store in PGlite running in a worker thread (PgliteWorkerSqlClient): the embedded
 * mode's store, so that the database's work leaves the event loop free for everything else.
 */
export async function createPgliteWorkerEventStore({
  dataDir,
  schema,
}: PgliteWorkerEventStoreOptions): Promise<SqlEventStore> {
  const client = await PgliteWorkerSqlClient.open(dataDir);
  return new SqlEventStore(client, { schema, onClose: () => client.close(), concurrentTransactions: false });
}
