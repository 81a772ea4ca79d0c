import type { AccountCommand, AccountEvent } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { AccountsDecision } from '../decision';
import { resumeAccount, suspendAccount } from './account-suspension';
import { AccountState } from './account.state';
import { createAccount } from './create-account';
import { createApiKey } from './create-api-key';
import { deactivateAccount } from './deactivate-account';
import { recordDeletionReminder } from './deletion-reminders';
import { purgeAccount } from './purge-account';
import { restoreAccount } from './restore-account';
import { revokeApiKey } from './revoke-api-key';
import { scheduleDeletion } from './schedule-deletion';
import { updateAccount } from './update-account';

/** The account decider: stream `account-<accountId>`, one project (main or sub-account). */
export function decideAccount(command: AccountCommand, state: AccountState): AccountsDecision<AccountEvent> {
  switch (command.type) {
    case 'CreateAccount':
      return createAccount(command, state);
    case 'UpdateAccount':
      return updateAccount(command, state);
    case 'SuspendAccount':
      return suspendAccount(command, state);
    case 'ResumeAccount':
      return resumeAccount(command, state);
    case 'DeactivateAccount':
      return deactivateAccount(command, state);
    case 'ScheduleDeletion':
      return scheduleDeletion(command, state);
    case 'RecordDeletionReminder':
      return recordDeletionReminder(command, state);
    case 'RestoreAccount':
      return restoreAccount(command, state);
    case 'PurgeAccount':
      return purgeAccount(command, state);
    case 'CreateApiKey':
      return createApiKey(command, state);
    case 'RevokeApiKey':
      return revokeApiKey(command, state);
    default:
      return assertNever(command);
  }
}
