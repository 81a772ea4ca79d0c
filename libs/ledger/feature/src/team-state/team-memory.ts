import { forgetOldRecords, initialState } from '@subledger/ledger-domain';
import { RefusedCommandIds } from './refused-command-ids';
import { NO_EVENTS, type TeamLedger } from './team-ledger';

/** What the writer keeps of a team between batches, beside its balance, spend and policies. */
export interface TeamMemoryLimits {
  /** The most recent charges, so that a redelivery or a refund of one needs no lookup for its record. */
  readonly recentCharges: number;
  /** Ids refused without an event (see RefusedCommandIds). */
  readonly refusedIds: number;
}

// Chosen with bench/team-memory.bench.ts: see the README's "Memory".
export const DEFAULT_TEAM_MEMORY: TeamMemoryLimits = { recentCharges: 8, refusedIds: 8 };

export function newTeamLedger(teamId: string, limits: TeamMemoryLimits): TeamLedger {
  return {
    teamId,
    state: initialState(),
    version: NO_EVENTS,
    refused: new RefusedCommandIds(limits.refusedIds),
    keepsEveryRecord: false,
  };
}

/**
 * Drops the records a team no longer needs in memory: all but its recent charges. Top-ups and
 * adjustments are rare and always looked up, so none is kept.
 */
export function forgetOldRecordsOf(team: TeamLedger, limits: TeamMemoryLimits): void {
  if (team.keepsEveryRecord) return;
  forgetOldRecords(team.state, { charges: limits.recentCharges, topUps: 0, adjustments: 0 });
}
