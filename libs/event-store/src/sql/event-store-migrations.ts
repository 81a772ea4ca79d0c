import { join } from 'node:path';
import type { MigrationHistory } from '../migrations/migration-history';

/** The event store's tables (`streams`, `events`, `subscription_checkpoints`): a history of their own in every schema that holds them. */
export const eventStoreMigrations: MigrationHistory = { name: 'event-store', dir: join(__dirname, 'migrations') };
