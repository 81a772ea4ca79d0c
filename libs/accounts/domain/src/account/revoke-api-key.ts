import type { AccountEvent, RevokeApiKey } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, unchanged } from '../decision';
import { eventBase } from './account-event';
import { AccountState, isLive, notLiveRefusal } from './account.state';

/** Revoking a key twice appends nothing the second time: the outcome says it was already revoked. */
export function revokeApiKey(command: RevokeApiKey, state: AccountState): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  const key = state.keys.get(command.keyId);
  if (!key) return refused({ type: 'key_not_found' });
  if (key.revokedAt !== null) return unchanged('key_already_revoked');
  return accepted({ type: 'ApiKeyRevoked', ...eventBase(state.accountId, command.at), keyId: key.keyId });
}
