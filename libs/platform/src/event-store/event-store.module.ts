import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPgliteWorkerEventStore,
  createPostgresEventStore,
  eventStoreMigrations,
  type MigrationHistory,
  migrateSchema,
  type MigrationsMode,
  type SqlEventStore,
} from '@subledger/event-store';
import { claimDataDir } from '../data-dir/data-dir-lock';

export const EVENT_STORE = Symbol('EVENT_STORE');
/** The services' migration histories the store's schema holds besides the event store's. */
const SERVICE_HISTORIES = Symbol('SERVICE_HISTORIES');

/**
 * The process's event store, migrated before anything uses it and closed at shutdown.
 * Embedded mode keeps it in PGlite under the data directory; distributed mode in PostgreSQL.
 *
 * Migrations: the event store's history, then the services' (`histories`), in the store's schema.
 * MIGRATIONS=apply (the default) applies what is pending; MIGRATIONS=verify refuses to start while
 * anything is pending (`subledger migrate` runs them, a Job or a one-shot Compose service). Either
 * way a schema holding a migration this code does not know (a newer version migrated it) stops the
 * start, the error naming the schema and the migration (docs/deployment.md, "Schema migrations").
 * This runs as the module initialises, not in the store's factory, so that a refusal ends the start
 * as the app's other start errors do (one line, exit code 1); a global module is initialised before
 * the feature modules that use the store.
 */
@Global()
@Module({})
export class EventStoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: SqlEventStore,
    @Inject(SERVICE_HISTORIES) private readonly histories: readonly MigrationHistory[],
    @Inject(ConfigService) private readonly config: ConfigService,
  ) {}

  async onModuleInit(): Promise<void> {
    const mode = this.config.get<MigrationsMode>('MIGRATIONS') ?? 'apply';
    const applied = await migrateSchema(
      this.store.sql,
      this.store.schema,
      [eventStoreMigrations, ...this.histories],
      mode,
    );
    const logger = new Logger('Migrations');
    for (const { schema, history, name } of applied)
      logger.log(`Applied ${history} migration ${name} in schema ${schema}`);
  }

  /**
   * PGlite in `<DATA_DIR>/pglite`, run by a worker thread so that its work leaves the event loop free.
   * The data directory's lock keeps the operator CLI out while the store is open (claimDataDir).
   */
  static pglite(histories: readonly MigrationHistory[]): DynamicModule {
    return EventStoreModule.with(histories, async (config) => {
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
  static postgres(histories: readonly MigrationHistory[]): DynamicModule {
    return EventStoreModule.with(histories, async (config) =>
      createPostgresEventStore({
        pool: config.getOrThrow<string>('DATABASE_URL'),
        schema: config.get<string>('DATABASE_SCHEMA'),
        maxConnections: config.get<number>('DATABASE_POOL_SIZE'),
      }),
    );
  }

  private static with(
    histories: readonly MigrationHistory[],
    open: (config: ConfigService) => Promise<SqlEventStore>,
  ): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, inject: [ConfigService], useFactory: open },
        { provide: SERVICE_HISTORIES, useValue: histories },
      ],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
