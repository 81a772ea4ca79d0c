import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createPgliteWorkerEventStore, createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';

export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The process's event store, migrated before anything uses it and closed at shutdown.
 * Embedded mode keeps it in PGlite under the data directory; distributed mode in PostgreSQL.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: SqlEventStore) {}

  /** PGlite in `<DATA_DIR>/pglite`, run by a worker thread so that its work leaves the event loop free. */
  static pglite(): DynamicModule {
    return EventStoreModule.with(async (config) => {
      const dataDir = join(config.getOrThrow<string>('DATA_DIR'), 'pglite');
      mkdirSync(dataDir, { recursive: true });
      return createPgliteWorkerEventStore({ dataDir });
    });
  }

  /** PostgreSQL at the app's DATABASE_URL, in its DATABASE_SCHEMA (pool size DATABASE_POOL_SIZE). */
  static postgres(): DynamicModule {
    return EventStoreModule.with(
      async (config) =>
        createPostgresEventStore({
          pool: config.getOrThrow<string>('DATABASE_URL'),
          schema: config.get<string>('DATABASE_SCHEMA'),
          maxConnections: config.get<number>('DATABASE_POOL_SIZE'),
        }),
    );
  }

  private static with(open: (config: ConfigService) => Promise<SqlEventStore>): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [ConfigService],
          useFactory: async (config: ConfigService) => {
            const store = await open(config);
            await store.migrate();
            return store;
          },
        },
      ],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
