import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createPgliteWorkerEventStore, createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import { claimDataDir } from '../data-dir/data-dir-lock';

export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The process's event store, migrated before anything uses it and closed at shutdown.
 * Embedded mode keeps it in PGlite under the data directory; distributed mode in PostgreSQL.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: SqlEventStore) {}

  /**
   * PGlite in `<DATA_DIR>/pglite`, run by a worker thread so that its work leaves the event loop free.
   * The data directory's lock keeps the operator CLI out while the store is open (claimDataDir).
   */
  static pglite(): DynamicModule {
    return EventStoreModule.with(async (config) => {
      const root = config.getOrThrow<string>('DATA_DIR');
      const dataDir = join(root, 'pglite');
      mkdirSync(dataDir, { recursive: true });
      const lock = claimDataDir(root, 'the embedded server');
      try {
        const store = await createPgliteWorkerEventStore({ dataDir });
        const close = store.close.bind(store);
        store.close = () => close().finally(() => lock.release());
        return store;
      } catch (error) {
        lock.release();
        throw error;
      }
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
