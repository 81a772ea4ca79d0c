import type { MigrationHistory } from '@subledger/event-store';
import { join } from 'node:path';

/** The accounts read model's tables (`accounts_*`): its migration history, `accounts_migrations` in the service's schema. */
export const accountsMigrations: MigrationHistory = { name: 'accounts', dir: join(__dirname, 'migrations') };
