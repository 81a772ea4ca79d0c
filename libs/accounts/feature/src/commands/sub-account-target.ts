import type { AccountsRefusal } from '@subledger/contracts';
import type { TeamChange } from '../team-state/team-change';

/**
 * The `/v1/sub-accounts` routes never reach the main account: its id answers as unknown
 * (`account_not_found`), exactly like another team's id. Other refusals are the domain's.
 */
export async function mainAccountRefusal(change: TeamChange, accountId: string): Promise<AccountsRefusal | null> {
  const account = await change.account(accountId);
  if (account.status === 'missing') return null;
  return account.kind === 'main' ? { type: 'account_not_found' } : null;
}
