import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import { migrateSchema } from '../migrations/migrate-schema';
import { eventStoreMigrations } from './event-store-migrations';
import { eventStoreStatements } from './event-store-statements.sql';
import type { AppendContext } from './sql-append';
import { sentTransaction, type SqlClient } from './sql-client';
import { SqlEventLog } from './sql-event-log';
import { quoteSchemaName } from './sql-schema-name';

export interface SqlEventStoreOptions {
  /** Schema holding the event store's tables. Default `public`. */
  schema?: string;
  /** Releases what the store owns (a pool or a PGlite it opened itself). */
  onClose?: () => Promise<void>;
  /**
   * Whether transactions may run side by side (a pool), so appends must take the append lock that
   * hands out global positions in commit order. Default true; a client with one connection, whose
   * transactions never overlap (PGlite), has nothing to order and saves the lock's round trip.
   */
  concurrentTransactions?: boolean;
}

/** Appends, reads and `query` inside one database transaction: see `SqlEventStore.transaction`. */
export type SqlEventStoreTransaction = Pick<
  SqlEventLog,
  'append' | 'appendMany' | 'prepareAppend' | 'lockAppends' | 'readStream' | 'readAll' | 'query'
>;

/** The event store on PostgreSQL's SQL, shared by the `pg` and PGlite adapters. */
export class SqlEventStore implements EventStore {
  readonly schema: string;
  /** The schema name quoted for SQL, for callers that keep their own tables beside the events. */
  readonly quotedSchema: string;
  private readonly context: AppendContext;
  private readonly log: SqlEventLog;

  constructor(
    readonly sql: SqlClient,
    private readonly options: SqlEventStoreOptions = {},
  ) {
    this.schema = options.schema ?? 'public';
    this.quotedSchema = quoteSchemaName(this.schema);
    const lockKey = options.concurrentTransactions === false ? null : `subledger.events.${this.schema}`;
    this.context = { statements: eventStoreStatements(this.quotedSchema), lockKey };
    this.log = new SqlEventLog(sql, this.context, false);
  }

  /**
   * Applies the event store's own pending migrations (eventStoreMigrations) in its schema, creating
   * the schema if missing; safe at every start, also concurrently. The services apply theirs too,
   * with `migrateSchema` (EventStoreModule).
   */
  async migrate(): Promise<void> {
    await migrateSchema(this.sql, this.schema, [eventStoreMigrations]);
  }

  /**
   * Runs `work` in one database transaction: its appends and its own `query` calls commit together,
   * or roll back together if it throws. The append lock is held from the first append to the end
   * of the transaction, so append as late in `work` as the logic allows.
   */
  transaction<T>(work: (tx: SqlEventStoreTransaction) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) => work(new SqlEventLog(tx, this.context, true)));
  }

  /**
   * `transaction` that sends its COMMIT with the statements and appends of `work`, without waiting
   * for their answers where the client can (SentTransactions in sql-client.ts): for a batch of
   * writes whose checks are all in SQL. The append's version check is.
   */
  sentTransaction<T>(work: (tx: SqlEventStoreTransaction) => Promise<T>): Promise<T> {
    return sentTransaction(this.sql, (tx) => work(new SqlEventLog(tx, this.context, true)));
  }

  append(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    return this.log.append(streamId, events, options);
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.log.appendMany(appends);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.log.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.log.readAll(options);
  }

  async close(): Promise<void> {
    await this.options.onClose?.();
  }
}
