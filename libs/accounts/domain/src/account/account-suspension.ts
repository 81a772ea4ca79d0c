import type { AccountEvent, RequestedAccountStatus, ResumeAccount, SuspendAccount } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, unchanged } from '../decision';
import { eventBase } from './account-event';
import { AccountState, isLive, LiveAccount, notLiveRefusal } from './account.state';

/** Suspending keeps the keys: calls made with them answer `account_inactive` until resumed. */
export function suspendAccount(command: SuspendAccount, state: AccountState): AccountsDecision<AccountEvent> {
  return moveTo('inactive', state, command.at);
}

export function resumeAccount(command: ResumeAccount, state: AccountState): AccountsDecision<AccountEvent> {
  return moveTo('active', state, command.at);
}

function moveTo(status: RequestedAccountStatus, state: AccountState, at: number): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  if (state.status === 'pending_deletion') return refused({ type: 'account_pending_deletion' });
  const event = statusChange(state, status, at);
  if (event) return accepted(event);
  return unchanged(status === 'active' ? 'already_active' : 'already_inactive');
}

/** The event that moves an active or inactive account to the requested status, if it is not there yet. */
export function statusChange(account: LiveAccount, status: RequestedAccountStatus, at: number): AccountEvent | null {
  if (account.status === status) return null;
  const base = eventBase(account.accountId, at);
  return status === 'inactive' ? { type: 'AccountSuspended', ...base } : { type: 'AccountResumed', ...base };
}
