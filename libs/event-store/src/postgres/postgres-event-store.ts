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
  return new SqlEventStore(new PgSqlClient(owned), { schema, onClose: () => owned.end() });
}
