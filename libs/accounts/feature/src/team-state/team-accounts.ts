import type { AccountState, TeamDirectoryState } from '@subledger/accounts-domain';
import type { StreamVersion } from '@subledger/event-store';

/** A state with the version of the stream it was replayed from: the expected version of the next append. */
export interface Versioned<S> {
  readonly state: S;
  readonly version: StreamVersion;
}

/**
 * What the single writer of a team keeps in memory: the team directory and the accounts of the
 * team it has loaded so far. Only the consumer of the team's partition writes it, so it stays
 * equal to the streams; a failed commit drops it and the retry reloads.
 */
export interface TeamAccounts {
  readonly teamId: string;
  readonly directory: Versioned<TeamDirectoryState>;
  /** Filled as accounts are loaded: a loaded state is what the stream says, so it may be kept at once. */
  readonly accounts: Map<string, Versioned<AccountState>>;
}
