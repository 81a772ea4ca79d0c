import type { AccountEvent, EpochMs, PurgeAccount } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, unchanged } from '../decision';
import { eventBase } from './account-event';
import { AccountState } from './account.state';

/** Erases the account's personal data for good, at or after `deleteAt`. */
export function purgeAccount(command: PurgeAccount, state: AccountState): AccountsDecision<AccountEvent> {
  if (state.status === 'missing') return refused({ type: 'account_not_found' });
  if (state.status === 'purged') return unchanged('already_purged');
  if (state.status !== 'pending_deletion') return refused({ type: 'not_pending_deletion' });
  const { deleteAt } = state.deletion;
  if (command.at < deleteAt) return refused({ type: 'purge_not_due', deleteAt });
  const { accountId, teamId, kind, createdAt } = state;
  return accepted({ type: 'AccountPurged', ...eventBase(accountId, command.at), teamId, kind, createdAt });
}

export function isPurgeDue(state: AccountState, at: EpochMs): boolean {
  return state.status === 'pending_deletion' && at >= state.deletion.deleteAt;
}
