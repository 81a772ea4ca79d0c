import { Inject, Injectable } from '@nestjs/common';
import { dueReminderCommands, type ProjectDecision } from '@subledger/accounts-domain';
import {
  type AccountCommand,
  type AccountsServiceRefusal,
  type ServiceReply,
  replyOk,
  replyRefused,
} from '@subledger/contracts';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../../accounts-options';
import { AccountViews } from '../../read-model/account-views';
import type { TeamChange } from '../../team-state/team-change';
import { TeamWriter } from '../../team-state/team-writer';
import type { CommandOf, CommandReply } from '../../accounts-internal-command';
import { mainAccountRefusal } from '../sub-account-target';
import { keysRevokedBy } from './keys-revoked';

/**
 * PATCH, DELETE (deactivate), schedule deletion and restore of a sub-account. Each decides one
 * account command against the team; spend-policy changes reach the ledger before the commit.
 */
@Injectable()
export class SubAccountLifecycleHandler {
  constructor(
    private readonly writer: TeamWriter,
    private readonly views: AccountViews,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  update({ teamId, accountId, changes, at }: CommandOf<'UpdateSubAccount'>): Promise<CommandReply<'UpdateSubAccount'>> {
    return this.run(teamId, { type: 'UpdateAccount', accountId, changes, at }, async () => ({
      account: await this.views.account(teamId, accountId),
    }));
  }

  deactivate({
    teamId,
    accountId,
    at,
  }: CommandOf<'DeactivateSubAccount'>): Promise<CommandReply<'DeactivateSubAccount'>> {
    return this.run(teamId, { type: 'DeactivateAccount', accountId, at }, async (decision, change) => ({
      account: await this.views.account(teamId, accountId),
      keysRevoked: keysRevokedBy(decision, await change.account(accountId), at),
    }));
  }

  /** Also records the day-0 reminder at once: it is due the moment the deletion is scheduled. */
  scheduleDeletion({
    teamId,
    accountId,
    at,
  }: CommandOf<'ScheduleSubAccountDeletion'>): Promise<CommandReply<'ScheduleSubAccountDeletion'>> {
    const command: AccountCommand = {
      type: 'ScheduleDeletion',
      accountId,
      retentionMs: this.options.deletionRetentionMs,
      at,
    };
    return this.run(
      teamId,
      command,
      async () => ({ account: await this.views.account(teamId, accountId) }),
      async (change) => {
        for (const reminder of dueReminderCommands(await change.account(accountId), at)) await change.decide(reminder);
      },
    );
  }

  restore({ teamId, accountId, at }: CommandOf<'RestoreSubAccount'>): Promise<CommandReply<'RestoreSubAccount'>> {
    return this.run(teamId, { type: 'RestoreAccount', accountId, at }, async () => ({
      account: await this.views.account(teamId, accountId),
    }));
  }

  private async run<T>(
    teamId: string,
    command: AccountCommand,
    reply: (decision: ProjectDecision, change: TeamChange) => Promise<T>,
    follow?: (change: TeamChange) => Promise<void>,
  ): Promise<ServiceReply<T, AccountsServiceRefusal>> {
    const change = await this.writer.begin(teamId);
    const notSub = await mainAccountRefusal(change, command.accountId);
    if (notSub) return replyRefused(notSub);
    const decision = await change.decide(command);
    if (decision.outcome.type === 'refused') return replyRefused(decision.outcome.refusal);
    if (decision.outcome.type === 'accepted') await follow?.(change);
    const refusal = await this.writer.commit(change, command.at);
    return refusal ? replyRefused(refusal) : replyOk(await reply(decision, change));
  }
}
