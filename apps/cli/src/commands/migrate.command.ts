import type { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { accountsMigrations } from '@subledger/accounts-feature/operations';
import {
  type AppliedMigration,
  createPgliteWorkerEventStore,
  createPostgresEventStore,
  eventStoreMigrations,
  type MigrationHistory,
  migrateSchema,
} from '@subledger/event-store';
import { gatewayMigrations } from '@subledger/gateway-feature/operations';
import { ledgerMigrations } from '@subledger/ledger-feature/operations';
import { claimDataDir, validateEnvironment } from '@subledger/platform/standalone';
import { type CliConfig, cliConfigSchema } from '../cli-config';

/** Each service's schema holds the event store's history and the service's own. */
const SERVICES: readonly {
  service: 'gateway' | 'accounts' | 'ledger';
  history: MigrationHistory;
  schema: (config: CliConfig) => string;
}[] = [
  { service: 'gateway', history: gatewayMigrations, schema: (config) => config.GATEWAY_DATABASE_SCHEMA },
  { service: 'accounts', history: accountsMigrations, schema: (config) => config.ACCOUNTS_DATABASE_SCHEMA },
  { service: 'ledger', history: ledgerMigrations, schema: (config) => config.LEDGER_DATABASE_SCHEMA },
];

/**
 * `subledger migrate`: every service's pending migrations, in its schema of DATABASE_URL, or in the
 * embedded PGlite store under DATA_DIR (created if missing). Run before the services (a Job, a
 * one-shot Compose service); they apply nothing then, and with MIGRATIONS=verify refuse to start
 * without it. Prints each migration applied; exits 2 (as any CLI error) when a schema holds a
 * migration this version does not know.
 */
export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      "Apply every service's pending schema migrations (PostgreSQL: the gateway's, accounts' and ledger's schemas; embedded: the PGlite store)",
    )
    .action(async () => {
      try {
        const config = validateEnvironment<CliConfig>(cliConfigSchema, process.env);
        const { applied, where } =
          config.DATABASE_URL !== undefined
            ? await migratePostgres(config.DATABASE_URL, config)
            : await migratePglite(config.DATA_DIR);
        for (const { schema, history, name } of applied)
          process.stdout.write(`applied ${history} migration ${name} in schema ${schema}\n`);
        process.stderr.write(
          applied.length === 0
            ? `${where}: up to date, nothing to apply\n`
            : `${where}: ${applied.length} migration(s) applied\n`,
        );
        process.exitCode = 0;
      } catch (error) {
        process.stderr.write(`error: ${(error as Error).message}\n`);
        process.exitCode = 2;
      }
    });
}

async function migratePostgres(
  url: string,
  config: CliConfig,
): Promise<{ applied: AppliedMigration[]; where: string }> {
  const pool = new Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  try {
    const applied: AppliedMigration[] = [];
    for (const { history, schema } of SERVICES) {
      const store = createPostgresEventStore({ pool, schema: schema(config) });
      applied.push(...(await migrateSchema(store.sql, store.schema, [eventStoreMigrations, history])));
    }
    return { applied, where: `PostgreSQL (schemas ${SERVICES.map(({ schema }) => schema(config)).join(', ')})` };
  } finally {
    await pool.end();
  }
}

/** The embedded server's store: one schema, every history in it, the data directory claimed as the server does. */
async function migratePglite(dataDirRoot: string): Promise<{ applied: AppliedMigration[]; where: string }> {
  const dataDir = join(dataDirRoot, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  const lock = claimDataDir(dataDirRoot, 'the operator CLI');
  try {
    const store = await createPgliteWorkerEventStore({ dataDir });
    try {
      const applied = await migrateSchema(store.sql, store.schema, [
        eventStoreMigrations,
        ...SERVICES.map(({ history }) => history),
      ]);
      return { applied, where: `PGlite in ${dataDir}` };
    } finally {
      await store.close();
    }
  } finally {
    lock.release();
  }
}
