import type { AccountEvent, DeactivateAccount } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, unchanged } from '../decision';
import { eventBase } from './account-event';
import { AccountState, activeKeyIds, isLive, notLiveRefusal } from './account.state';

/**
 * Status `inactive` and every active key revoked at once. Deactivating an account that is already
 * inactive and keyless changes nothing (`keysRevoked` is then 0). An account pending deletion has
 * no keys left and is on its way out: it must be restored first.
 */
export function deactivateAccount(command: DeactivateAccount, state: AccountState): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  if (state.status === 'pending_deletion') return refused({ type: 'account_pending_deletion' });
  const revokedKeyIds = activeKeyIds(state);
  if (state.status === 'inactive' && revokedKeyIds.length === 0) return unchanged('already_deactivated');
  return accepted({ type: 'AccountDeactivated', ...eventBase(state.accountId, command.at), revokedKeyIds });
}
