/** The schema version every accounts event carries; bump it with an upcaster when a shape changes. */
export const ACCOUNTS_SCHEMA_VERSION = 1 as const;
export type AccountsSchemaVersion = typeof ACCOUNTS_SCHEMA_VERSION;
