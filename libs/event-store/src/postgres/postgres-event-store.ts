import { Pool } from 'pg';
import { SqlEventStore } from '../sql/sql-event-store';
import { PgSqlClient } from './pg-sql-client';

export interface PostgresEventStoreOptions {
  /** A pool the caller owns and ends, or a connection string for a pool that `close()` ends. */
  pool: Pool | string;
  schema?: string;
  /** Size of a pool created from a connection string. Default 10, as in `pg`. */
  maxConnections?: number;
}

/** The event store on PostgreSQL through `pg`. Call `migrate()` once before use. */
export function createPostgresEventStore({ pool, schema, maxConnections }: PostgresEventStoreOptions): SqlEventStore {
  if (typeof pool !== 'string') return new SqlEventStore(new PgSqlClient(pool), { schema });
  const owned = new Pool({ connectionString: pool, max: maxConnections });
  // A connection that the server or the network ends (a restart, a failover, pg_terminate_backend)
  // fails the queries it was running, which is what callers see, and is dropped from the pool, which
  // opens another when next needed. Its error event, unheard (the pool hears idle connections only,
  // and then emits its own), would end the process.
  owned.on('error', () => undefined);
  owned.on('connect', (client) => client.on('error', () => undefined));
  return new SqlEventStore(new PgSqlClient(owned), { schema, onClose: () => owned.end() });
}
