import { readdirSync } from 'node:fs';

/**
 * One history of versioned migrations: `.sql` files named `<13-digit epoch ms>_<what>.sql` in one
 * directory, applied in name order and recorded in the table `<name>_migrations` of the schema they
 * migrate. Each owner of tables keeps its own history (the event store, the gateway, accounts, the
 * ledger), so that embedded mode, where the three services share one schema, applies each once.
 */
export interface MigrationHistory {
  /** Who owns it, e.g. `ledger`; also names its table. */
  readonly name: string;
  /** The directory of its `.sql` files, beside the code that uses the tables (copied into dist/ by the build). */
  readonly dir: string;
}

export function migrationsTable(history: MigrationHistory): string {
  return `${history.name.replace(/-/g, '_')}_migrations`;
}

/** The names of the history's migrations this code carries, oldest first: the file names without `.sql`. */
export function knownMigrations(history: MigrationHistory): string[] {
  return readdirSync(history.dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => file.slice(0, -'.sql'.length));
}
