import { Inject, Injectable } from '@nestjs/common';
import { type AccountState, replayAccount, replayTeamDirectory } from '@subledger/accounts-domain';
import type { RecordedEvent, SqlEventStore, StreamVersion } from '@subledger/event-store';
import { EVENT_STORE } from '@subledger/platform';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts-options';
import { accountEvents, accountStream, teamDirectoryEvents, teamDirectoryStream } from './account-streams';
import type { TeamAccounts, Versioned } from './team-accounts';

/**
 * Team states in memory, least recently used first out. A miss replays the streams, so forgetting
 * a team costs a reload and nothing else.
 */
@Injectable()
export class TeamStateCache {
  private readonly teams = new Map<string, TeamAccounts>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: SqlEventStore,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  async team(teamId: string): Promise<TeamAccounts> {
    const cached = this.teams.get(teamId);
    if (cached) {
      // Re-inserted so that the map's order is the order of last use.
      this.teams.delete(teamId);
      this.teams.set(teamId, cached);
      return cached;
    }
    const recorded = await this.store.readStream(teamDirectoryStream(teamId));
    const directory = {
      state: replayTeamDirectory(recorded.map(teamDirectoryEvents.decode)),
      version: versionOf(recorded),
    };
    const team: TeamAccounts = { teamId, directory, accounts: new Map() };
    this.remember(team);
    return team;
  }

  /** An account as its own stream says, kept with the team when it is one of the team's projects. */
  async account(team: TeamAccounts, accountId: string): Promise<Versioned<AccountState>> {
    const cached = team.accounts.get(accountId);
    if (cached) return cached;
    const recorded = await this.store.readStream(accountStream(accountId));
    const account = { state: replayAccount(recorded.map(accountEvents.decode)), version: versionOf(recorded) };
    const directory = team.directory.state;
    if (directory.status === 'created' && directory.projects.has(accountId)) team.accounts.set(accountId, account);
    return account;
  }

  remember(team: TeamAccounts): void {
    this.teams.delete(team.teamId);
    this.teams.set(team.teamId, team);
    while (this.teams.size > this.options.cachedTeams) {
      const oldest = this.teams.keys().next().value as string;
      this.teams.delete(oldest);
    }
  }

  forget(teamId: string): void {
    this.teams.delete(teamId);
  }
}

function versionOf(recorded: readonly RecordedEvent[]): StreamVersion {
  return recorded.length === 0 ? 'no_stream' : recorded[recorded.length - 1].streamVersion;
}
