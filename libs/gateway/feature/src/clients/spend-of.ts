import type { AccountSpendView, TeamBalanceView } from '@subledger/contracts';

/**
 * An account's spend in a GetBalance answer. The ledger answers one entry per requested account
 * (an account it never charged spends 0 without a cap), so a missing entry means the same.
 */
export function spendOf(view: TeamBalanceView, accountId: string): AccountSpendView {
  return view.accounts.find((spend) => spend.accountId === accountId) ?? noSpend(accountId);
}

/** The spend of an account the ledger has never charged: nothing spent, no cap. */
export function noSpend(accountId: string): AccountSpendView {
  return { accountId, totalSpent: 0n, creditLimit: null, status: 'active' };
}
