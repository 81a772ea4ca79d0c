import type { MigrationHistory } from '@subledger/event-store';
import { join } from 'node:path';

/** The gateway's tables (`gateway_idempotency`): its migration history, `gateway_migrations` in the gateway's schema. */
export const gatewayMigrations: MigrationHistory = { name: 'gateway', dir: join(__dirname, 'migrations') };
