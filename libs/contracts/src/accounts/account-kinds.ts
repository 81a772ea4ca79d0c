/** The lifecycle statuses a project (main or sub-account) can be in. */
export type AccountStatus = 'active' | 'inactive' | 'pending_deletion' | 'purged';

/** The statuses a client may ask for directly (PATCH `status`). */
export type RequestedAccountStatus = 'active' | 'inactive';

/** A team has exactly one main account and any number of sub-accounts. */
export type AccountKind = 'main' | 'sub';

export type ApiKeyEnvironment = 'live' | 'test';

/**
 * Metadata values are strings only: the official SDK types metadata as `Record<string, string>`, and
 * accepting numbers or nested objects would hand back shapes that SDK users cannot type.
 */
export type AccountMetadata = Readonly<Record<string, string>>;

/** Epoch milliseconds: every time in commands and events travels in this form. */
export type EpochMs = number;
