import type { TeamLedger } from './team-ledger';
import { DEFAULT_TEAM_MEMORY, forgetOldRecordsOf, type TeamMemoryLimits } from './team-memory';

/**
 * The teams' states in memory, least recently used first (a Map keeps insertion order, and a team
 * is re-inserted on every use). A state put back keeps only its recent records (`limits`), so a
 * team's memory does not grow with its history; `maxTeams` bounds the teams held, beyond which the
 * least recently used are dropped and reloaded from their stream on their next command.
 */
export class TeamLedgerCache {
  private readonly teams = new Map<string, TeamLedger>();

  constructor(
    private readonly maxTeams = Number.POSITIVE_INFINITY,
    readonly limits: TeamMemoryLimits = DEFAULT_TEAM_MEMORY,
  ) {}

  get size(): number {
    return this.teams.size;
  }

  /**
   * Takes a team out for a batch. While out, a failed batch simply never puts it back, so the
   * half-applied state it may hold is forgotten and the next command reloads the committed one.
   */
  take(teamId: string): TeamLedger | undefined {
    const team = this.teams.get(teamId);
    if (team !== undefined) this.teams.delete(teamId);
    return team;
  }

  /** Puts a team back after its batch committed, as the most recently used, without its old records. */
  put(team: TeamLedger): void {
    forgetOldRecordsOf(team, this.limits);
    this.teams.delete(team.teamId);
    this.teams.set(team.teamId, team);
    this.evictBeyondLimit();
  }

  drop(teamId: string): void {
    this.teams.delete(teamId);
  }

  private evictBeyondLimit(): void {
    if (this.teams.size <= this.maxTeams) return;
    for (const teamId of this.teams.keys()) {
      if (this.teams.size <= this.maxTeams) return;
      this.teams.delete(teamId);
    }
  }
}
