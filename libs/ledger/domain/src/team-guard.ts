import type { LedgerRefusal } from './ledger-outcome';
import type { LedgerView } from './ledger-state';

/** The refusal for a command addressed to a team this stream does not hold (yet), or null. */
export function missingTeam(state: LedgerView, teamId: string): LedgerRefusal | null {
  return state.team === null || state.team.teamId !== teamId ? { reason: 'team_not_found', teamId } : null;
}
