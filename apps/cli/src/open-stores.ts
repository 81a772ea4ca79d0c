import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createPgliteWorkerEventStore, createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import { claimDataDir } from '@subledger/platform/standalone';
import type { CliConfig } from './cli-config';

export type Service = 'ledger' | 'accounts';

/** The ledger's and the accounts service's stores: two schemas of one PostgreSQL database, or the one PGlite store. */
export interface OperatorStores {
  /** The service's store, once checked to hold an event store: a schema the service never ran in is refused. */
  use(service: Service): Promise<SqlEventStore>;
  close(): Promise<void>;
}

interface OpenedStores {
  readonly ledger: SqlEventStore;
  readonly accounts: SqlEventStore;
  /** Where they are, for the operator's eyes. */
  readonly where: string;
  close(): Promise<void>;
}

/**
 * Opens the stores the services use, without creating anything: a database the services never ran
 * on is refused. PGlite takes the data directory's lock first, so the CLI refuses to run beside the
 * embedded server (one process at a time, docs/deployment.md).
 */
export async function openStores(config: CliConfig): Promise<OperatorStores> {
  if (config.DATABASE_URL !== undefined) {
    const pool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
    const ledger = createPostgresEventStore({ pool, schema: config.LEDGER_DATABASE_SCHEMA });
    const accounts = createPostgresEventStore({ pool, schema: config.ACCOUNTS_DATABASE_SCHEMA });
    const stores = {
      ledger,
      accounts,
      where: `PostgreSQL (schemas ${ledger.schema} and ${accounts.schema})`,
      close: () => pool.end(),
    };
    return checked(stores);
  }
  const dataDir = join(config.DATA_DIR, 'pglite');
  if (!existsSync(dataDir))
    throw new Error(
      `No embedded store in ${dataDir}: set DATA_DIR to the server's data directory, or DATABASE_URL for PostgreSQL`,
    );
  const lock = claimDataDir(config.DATA_DIR, 'the operator CLI');
  try {
    const store = await createPgliteWorkerEventStore({ dataDir });
    const close = () => store.close().finally(() => lock.release());
    return checked({ ledger: store, accounts: store, where: `PGlite in ${dataDir}`, close });
  } catch (error) {
    lock.release();
    throw error;
  }
}

function checked(stores: OpenedStores): OperatorStores {
  const found = new Map<Service, Promise<SqlEventStore>>();
  const check = async (service: Service): Promise<SqlEventStore> => {
    const store = stores[service];
    const { rows } = await store.sql.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
      `${store.quotedSchema}.events`,
    ]);
    if (rows[0]?.found == null)
      throw new Error(
        `No event store in schema ${store.schema} of ${stores.where}: has the ${service} service run against it?`,
      );
    return store;
  };
  return {
    use: (service) => {
      if (!found.has(service)) found.set(service, check(service));
      return found.get(service) as Promise<SqlEventStore>;
    },
    close: () => stores.close(),
  };
}
