import type { TeamLedger } from './team-ledger';

/**
 * The teams' states in memory, least recently used first (a Map keeps insertion order, and a team
 * is re-inserted on every use). A state holds every charge of its team's history (about 200 bytes
 * each, for idempotency and refunds), so memory grows with history, not only with the number of
 * teams. `maxTeams` bounds the teams held; beyond it the least recently used are dropped and
 * reloaded from their stream on their next command. Evicting old charges inside a state, the other
 * half of the 512 MB target for 100,000 teams, needs a store lookup in the domain and is not done.
 */
export class TeamLedgerCache {
  private readonly teams = new Map<string, TeamLedger>();

  constructor(private readonly maxTeams = Number.POSITIVE_INFINITY) {}

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

  /** Puts a team back after its batch committed, as the most recently used. */
  put(team: TeamLedger): void {
    this.teams.delete(team.teamId);
    this.teams.set(team.teamId, team);
    this.evictBeyondLimit();
  }

  drop(teamId: string): void {
    this.teams.delete(teamId);
  }

  /** The eviction hook: today a bound on the number of teams, oldest use first. */
  private evictBeyondLimit(): void {
    for (const teamId of this.teams.keys()) {
      if (this.teams.size <= this.maxTeams) return;
      this.teams.delete(teamId);
    }
  }
}
