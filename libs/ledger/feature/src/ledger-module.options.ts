import type { TeamMemoryLimits } from './team-state/team-memory';

export interface LedgerModuleOptions {
  /**
   * Store each command batch's consumer offsets in its transaction. For Kafka, whose offsets
   * outlive the process; the in-process bus numbers its messages from 0 at every start, so its
   * offsets mean nothing after a restart. Default false.
   */
  readonly recordConsumerOffsets?: boolean;
  /**
   * Most teams whose state stays in memory; beyond it the least recently used are dropped and
   * reloaded from their stream on their next command. Default: no bound.
   */
  readonly maxCachedTeams?: number;
  /**
   * What the writer keeps of each team between batches beside its balance and spend: its most
   * recent charges and a few ids refused without an event. Default `DEFAULT_TEAM_MEMORY`.
   */
  readonly teamMemory?: TeamMemoryLimits;
}

export const LEDGER_OPTIONS = Symbol('LEDGER_OPTIONS');

/** The consumer groups of the ledger on the bus. */
export const LedgerGroups = {
  commands: 'ledger',
  queries: 'ledger-queries',
} as const;
