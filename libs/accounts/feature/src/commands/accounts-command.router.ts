import { Injectable, Optional } from '@nestjs/common';
import type { AccountsServiceRefusal, ServiceReply } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { KeyIdentityChanges } from '@subledger/platform';
import { ApiKeysHandler } from './api-keys/api-keys.handler';
import type { LifecycleCommand } from './command-kinds';
import { CreateSubAccountHandler } from './create-sub-account/create-sub-account.handler';
import { CreateTeamHandler } from './create-team/create-team.handler';
import { RunDeletionScheduleHandler } from './deletion-schedule/run-deletion-schedule.handler';
import { SubAccountLifecycleHandler } from './sub-account-lifecycle/sub-account-lifecycle.handler';

export type AnyCommandReply = ServiceReply<unknown, AccountsServiceRefusal>;

/**
 * Hands each lifecycle command of `accounts.commands` to its use case; each commits on its own.
 * In one process, the gateway hears of the team's change before the answer leaves (KeyIdentityChanges).
 */
@Injectable()
export class AccountsCommandRouter {
  constructor(
    private readonly createTeam: CreateTeamHandler,
    private readonly createSubAccount: CreateSubAccountHandler,
    private readonly lifecycle: SubAccountLifecycleHandler,
    private readonly apiKeys: ApiKeysHandler,
    private readonly deletionSchedule: RunDeletionScheduleHandler,
    @Optional() private readonly identityChanges?: KeyIdentityChanges,
  ) {}

  async handle(command: LifecycleCommand): Promise<AnyCommandReply> {
    try {
      return await this.route(command);
    } finally {
      this.identityChanges?.changed(command.teamId);
    }
  }

  private route(command: LifecycleCommand): Promise<AnyCommandReply> {
    switch (command.type) {
      case 'CreateTeam':
        return this.createTeam.handle(command);
      case 'CreateSubAccount':
        return this.createSubAccount.handle(command);
      case 'UpdateSubAccount':
        return this.lifecycle.update(command);
      case 'DeactivateSubAccount':
        return this.lifecycle.deactivate(command);
      case 'ScheduleSubAccountDeletion':
        return this.lifecycle.scheduleDeletion(command);
      case 'RestoreSubAccount':
        return this.lifecycle.restore(command);
      case 'CreateApiKey':
        return this.apiKeys.create(command);
      case 'RevokeApiKey':
        return this.apiKeys.revoke(command);
      case 'RunDeletionSchedule':
        return this.deletionSchedule.handle(command);
      default:
        return assertNever(command);
    }
  }
}
