import {
  type AccountState,
  createTeamWithMainAccount,
  decideForTeam,
  evolveAccount,
  evolveTeamDirectory,
  type ProjectDecision,
  type TeamDirectoryState,
} from '@subledger/accounts-domain';
import type { AccountCommand, AccountEvent, CreateTeam, TeamDirectoryEvent } from '@subledger/contracts';
import type { AppendResult, StreamAppend } from '@subledger/event-store';
import { accountEvents, accountStream, teamDirectoryEvents, teamDirectoryStream } from './account-streams';
import type { TeamAccounts, Versioned } from './team-accounts';

interface StagedAccount {
  readonly before: Versioned<AccountState>;
  state: AccountState;
  readonly events: AccountEvent[];
}

export interface AccountChange {
  readonly accountId: string;
  readonly before: AccountState;
  readonly after: AccountState;
}

/**
 * One command's work on a team: decisions are staged on copies of the states (so several may
 * follow each other, e.g. a key after its account), then appended together with the versions the
 * states were read at. Nothing here touches the cache until the commit succeeded.
 */
export class TeamChange {
  private directory: TeamDirectoryState;
  private readonly teamEvents: TeamDirectoryEvent[] = [];
  private readonly staged = new Map<string, StagedAccount>();

  constructor(
    readonly base: TeamAccounts,
    private readonly load: (team: TeamAccounts, accountId: string) => Promise<Versioned<AccountState>>,
  ) {
    this.directory = base.directory.state;
  }

  get teamId(): string {
    return this.base.teamId;
  }

  get team(): TeamDirectoryState {
    return this.directory;
  }

  get teamBefore(): TeamDirectoryState {
    return this.base.directory.state;
  }

  async account(accountId: string): Promise<AccountState> {
    return (await this.stagedAccount(accountId)).state;
  }

  async decide(command: AccountCommand): Promise<ProjectDecision> {
    const account = await this.account(command.accountId);
    return this.stage(decideForTeam(command, { team: this.directory, account }));
  }

  async createTeam(command: CreateTeam): Promise<ProjectDecision> {
    const account = await this.account(command.mainAccountId);
    return this.stage(createTeamWithMainAccount(command, { team: this.directory, account }));
  }

  get hasEvents(): boolean {
    return this.teamEvents.length > 0 || [...this.staged.values()].some((account) => account.events.length > 0);
  }

  changedAccounts(): AccountChange[] {
    return [...this.staged]
      .filter(([, account]) => account.events.length > 0)
      .map(([accountId, account]) => ({ accountId, before: account.before.state, after: account.state }));
  }

  /** The team directory first, then each account, every one at the version it was read at. */
  appends(): StreamAppend[] {
    const appends: StreamAppend[] = [];
    if (this.teamEvents.length > 0) {
      const { version } = this.base.directory;
      appends.push({
        streamId: teamDirectoryStream(this.teamId),
        events: this.teamEvents.map(teamDirectoryEvents.encode),
        expectedVersion: version,
      });
    }
    for (const { accountId } of this.changedAccounts()) {
      const account = this.staged.get(accountId) as StagedAccount;
      appends.push({
        streamId: accountStream(accountId),
        events: account.events.map(accountEvents.encode),
        expectedVersion: account.before.version,
      });
    }
    return appends;
  }

  /** The team as it is once `appends()` committed with these results (in the same order). */
  committed(results: readonly AppendResult[]): TeamAccounts {
    let next = 0;
    const version = () => results[next++].nextExpectedVersion;
    const directory = this.teamEvents.length > 0 ? { state: this.directory, version: version() } : this.base.directory;
    const accounts = new Map(this.base.accounts);
    for (const [accountId, account] of this.staged) {
      const current = account.events.length > 0 ? { state: account.state, version: version() } : account.before;
      if (this.belongsToTeam(accountId)) accounts.set(accountId, current);
    }
    return { teamId: this.teamId, directory, accounts };
  }

  private stage(decision: ProjectDecision): ProjectDecision {
    if (decision.outcome.type !== 'accepted') return decision;
    this.teamEvents.push(...decision.teamEvents);
    this.directory = decision.teamEvents.reduce(evolveTeamDirectory, this.directory);
    for (const event of decision.accountEvents) {
      const account = this.staged.get(event.accountId) as StagedAccount;
      account.events.push(event);
      account.state = evolveAccount(account.state, event);
    }
    return decision;
  }

  private async stagedAccount(accountId: string): Promise<StagedAccount> {
    const known = this.staged.get(accountId);
    if (known) return known;
    const before = await this.load(this.base, accountId);
    const account: StagedAccount = { before, state: before.state, events: [] };
    this.staged.set(accountId, account);
    return account;
  }

  /** Only the team's own projects are cached with it; a foreign id read for a refusal is not. */
  private belongsToTeam(accountId: string): boolean {
    return this.directory.status === 'created' && this.directory.projects.has(accountId);
  }
}
