import type { AccountEvent, CreateApiKey } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, invalid } from '../decision';
import { validateName } from '../values/account-name.value-object';
import {
  validateEnvironment,
  validateKeyDigest,
  validateKeyPrefix,
  validatePermissions,
} from '../values/api-key-fields.value-object';
import { validateAll } from '../values/validated';
import { eventBase } from './account-event';
import { AccountState, isLive, notLiveRefusal } from './account.state';

/**
 * A new key for a live account. An inactive account may get keys (they answer `account_inactive`
 * until it is resumed); an account pending deletion may not, since restoring it is the only way
 * back and it promises an account without keys.
 */
export function createApiKey(command: CreateApiKey, state: AccountState): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  if (state.status === 'pending_deletion') return refused({ type: 'account_pending_deletion' });
  const checked = validateAll({
    name: validateName(command.name),
    environment: validateEnvironment(command.environment),
    permissions: validatePermissions(command.permissions),
    prefix: validateKeyPrefix(command.prefix),
    digest: validateKeyDigest(command.digest),
  });
  if (!checked.ok) return invalid(checked.error);
  if (state.keys.has(command.keyId)) return refused({ type: 'key_id_taken' });
  const { keyId, at } = command;
  return accepted({ type: 'ApiKeyCreated', ...eventBase(state.accountId, at), keyId, ...checked.value });
}
