import type { AccountCommand, AccountEvent, CreateTeam, TeamDirectoryEvent } from '@subledger/contracts';
import { evolveAccount } from '../account/account.evolve';
import { AccountState, initialAccountState } from '../account/account.state';
import { evolveTeamDirectory } from '../team-directory/team-directory.evolve';
import { initialTeamDirectoryState, TeamDirectoryState } from '../team-directory/team-directory.state';
import { createTeamWithMainAccount } from '../team-projects/create-team-with-main-account';
import { decideForTeam } from '../team-projects/decide-for-team';
import { ProjectDecision } from '../team-projects/project-decision';

/**
 * One team's streams held in memory, for specs: it decides like a command handler would, and
 * appends the events of an accepted decision to both streams.
 */
export class ProjectWorld {
  team: TeamDirectoryState = initialTeamDirectoryState();
  readonly accounts = new Map<string, AccountState>();
  readonly teamStream: TeamDirectoryEvent[] = [];
  readonly accountStreams = new Map<string, AccountEvent[]>();

  account(accountId: string): AccountState {
    return this.accounts.get(accountId) ?? initialAccountState();
  }

  createTeam(command: CreateTeam): ProjectDecision {
    return this.apply(command.mainAccountId, createTeamWithMainAccount(command, this.states(command.mainAccountId)));
  }

  send(command: AccountCommand): ProjectDecision {
    return this.apply(command.accountId, decideForTeam(command, this.states(command.accountId)));
  }

  private states(accountId: string) {
    return { team: this.team, account: this.account(accountId) };
  }

  private apply(accountId: string, decision: ProjectDecision): ProjectDecision {
    this.team = decision.teamEvents.reduce(evolveTeamDirectory, this.team);
    this.teamStream.push(...decision.teamEvents);
    this.accounts.set(accountId, decision.accountEvents.reduce(evolveAccount, this.account(accountId)));
    this.accountStreams.set(accountId, [...(this.accountStreams.get(accountId) ?? []), ...decision.accountEvents]);
    return decision;
  }
}
