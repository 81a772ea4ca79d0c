/** The lifecycle statuses a project (main or sub-account) can be in. */
export type AccountStatus = 'active' | 'inactive' | 'pending_deletion' | 'purged';

/** The statuses a client may ask for directly (PATCH `status`). */
export type RequestedAccountStatus = 'active' | 'inactive';

/** A team has exactly one main account and any number of sub-accounts. */
export type AccountKind = 'main' | 'sub';

export type ApiKeyEnvironment = 'live' | 'test';

/** One metadata value: a JSON scalar. Nested objects and arrays are refused. */
export type AccountMetadataValue = string | number | boolean | null;

/**
 * Metadata values are JSON scalars (string, number, boolean, null): the official SDK types metadata
 * as `{ [key: string]: unknown }`, and the spec only bounds each value's length, which a scalar's
 * JSON text has while a nested object would need rules of its own.
 */
export type AccountMetadata = Readonly<Record<string, AccountMetadataValue>>;

/** Epoch milliseconds: every time in commands and events travels in this form. */
export type EpochMs = number;
