import type { AccountEvent, RestoreAccount } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision } from '../decision';
import { eventBase } from './account-event';
import { AccountState, isLive, notLiveRefusal } from './account.state';

/** Back to `active` before `deleteAt`, without keys; the pending reminders go with the schedule. */
export function restoreAccount(command: RestoreAccount, state: AccountState): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  if (state.status !== 'pending_deletion') return refused({ type: 'not_pending_deletion' });
  const { deleteAt } = state.deletion;
  if (command.at >= deleteAt) return refused({ type: 'deletion_window_closed', deleteAt });
  return accepted({ type: 'AccountRestored', ...eventBase(state.accountId, command.at) });
}
