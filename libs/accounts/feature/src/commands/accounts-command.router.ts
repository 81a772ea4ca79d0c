import { Injectable } from '@nestjs/common';
import { type AccountsServiceRefusal, replyRefused, type ServiceReply } from '@subledger/contracts';
import { assertNever } from '../assert-never';
import type { AccountsCommandMessage } from './accounts-internal-command';
import { ApiKeysHandler } from './api-keys/api-keys.handler';
import { CreateSubAccountHandler } from './create-sub-account/create-sub-account.handler';
import { CreateTeamHandler } from './create-team/create-team.handler';
import { RunDeletionScheduleHandler } from './deletion-schedule/run-deletion-schedule.handler';
import { RecordKeyUsageHandler } from './key-usage/record-key-usage.handler';
import { AdvanceMessageHandler } from './messages/advance-message.handler';
import { RecordMessageHandler } from './messages/record-message.handler';
import { SubAccountLifecycleHandler } from './sub-account-lifecycle/sub-account-lifecycle.handler';

export type AnyCommandReply = ServiceReply<unknown, AccountsServiceRefusal>;

const COMMAND_TYPES: ReadonlySet<string> = new Set<AccountsCommandMessage['type']>([
  'CreateTeam',
  'CreateSubAccount',
  'UpdateSubAccount',
  'DeactivateSubAccount',
  'ScheduleSubAccountDeletion',
  'RestoreSubAccount',
  'CreateApiKey',
  'RevokeApiKey',
  'RecordMessage',
  'RecordKeyUsage',
  'AdvanceMessage',
  'RunDeletionSchedule',
]);

/** Hands each command of `accounts.commands` to its use case. */
@Injectable()
export class AccountsCommandRouter {
  constructor(
    private readonly createTeam: CreateTeamHandler,
    private readonly createSubAccount: CreateSubAccountHandler,
    private readonly lifecycle: SubAccountLifecycleHandler,
    private readonly apiKeys: ApiKeysHandler,
    private readonly recordMessage: RecordMessageHandler,
    private readonly advanceMessage: AdvanceMessageHandler,
    private readonly keyUsage: RecordKeyUsageHandler,
    private readonly deletionSchedule: RunDeletionScheduleHandler,
  ) {}

  handle(value: unknown): Promise<AnyCommandReply> {
    const refusal = shapeRefusal(value);
    if (refusal) return Promise.resolve(replyRefused(refusal));
    const command = value as AccountsCommandMessage;
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
      case 'RecordMessage':
        return this.recordMessage.handle(command);
      case 'RecordKeyUsage':
        return this.keyUsage.handle(command);
      case 'AdvanceMessage':
        return this.advanceMessage.handle(command);
      case 'RunDeletionSchedule':
        return this.deletionSchedule.handle(command);
      default:
        return assertNever(command);
    }
  }
}

/**
 * The envelope of a command, checked when consumed: a payload from a broken or newer producer is
 * answered with a refusal instead of failing (and being redelivered) forever. The fields of a
 * known command are checked by the domain's validation.
 */
function shapeRefusal(value: unknown): AccountsServiceRefusal | null {
  if (typeof value !== 'object' || value === null) return invalid('', 'not_an_object');
  const { type, teamId } = value as Record<string, unknown>;
  if (typeof type !== 'string' || !COMMAND_TYPES.has(type)) return invalid('type', 'not_allowed');
  if (typeof teamId !== 'string' || teamId.length === 0) return invalid('teamId', 'required');
  return null;
}

function invalid(field: string, reason: 'not_an_object' | 'not_allowed' | 'required'): AccountsServiceRefusal {
  return { type: 'invalid', violations: [{ field, reason }] };
}
