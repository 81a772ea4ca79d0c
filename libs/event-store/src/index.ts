export type { JsonObject, JsonPrimitive, JsonValue } from './json';
export type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamVersion,
} from './event-store.port';
export { WrongExpectedVersionError } from './wrong-expected-version.error';
export { DuplicateEventIdError } from './duplicate-event-id.error';
export { versionAfter } from './expected-version';
export { GroupCommit } from './group-commit';

export type { SqlClient, SqlResult, SqlRow } from './sql/sql-client';
export { allAnswered } from './sql/all-answered';
export { asWrongExpectedVersion } from './sql/sql-errors';
export { textArrayParam, jsonTextArrayParam } from './sql/text-array-param';
export { SqlEventStore, type SqlEventStoreOptions, type SqlEventStoreTransaction } from './sql/sql-event-store';
export { quoteSchemaName } from './sql/sql-schema-name';
export { PgSqlClient } from './postgres/pg-sql-client';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { PgliteSqlClient } from './pglite/pglite-sql-client';
export {
  createPgliteEventStore,
  createPgliteWorkerEventStore,
  type PgliteEventStoreOptions,
  type PgliteWorkerEventStoreOptions,
} from './pglite/pglite-event-store';
export { PgliteWorkerSqlClient } from './pglite/pglite-worker-sql-client';
export { eventStoreMigrations } from './sql/event-store-migrations';
export { type MigrationHistory, knownMigrations, migrationsTable } from './migrations/migration-history';
export {
  checkHistory,
  type HistoryCheck,
  PendingMigrationsError,
  SchemaNewerThanCodeError,
} from './migrations/history-check';
export { type AppliedMigration, migrateSchema, type MigrationsMode } from './migrations/migrate-schema';
