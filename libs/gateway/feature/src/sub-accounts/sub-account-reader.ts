import { Injectable } from '@nestjs/common';
import type { AccountView, KeyIdentity } from '@subledger/contracts';
import { AccountsClient } from '../clients/accounts.client';
import { LedgerClient } from '../clients/ledger.client';
import { spendOf } from '../clients/spend-of';
import { subAccountNotFound } from '../responses/refusal-table';
import { isVisible, type SubAccountResponse, toSubAccount } from '../responses/sub-account.response';

/**
 * Reads sub-accounts of the caller's team and presents them with the ledger's spend. The main
 * account, another team's account and an erased one are all "not found" (docs/contract.md §4).
 */
@Injectable()
export class SubAccountReader {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly ledger: LedgerClient,
  ) {}

  /** Fails with 404 unless `id` is a sub-account of the caller's team. */
  async find(identity: KeyIdentity, id: string): Promise<AccountView> {
    const { account } = await this.accounts.query({
      type: 'GetAccount',
      teamId: identity.teamId,
      accountId: this.targetId(identity, id),
    });
    return this.ensureSubAccount(identity, account);
  }

  /**
   * The id a write may address. Only main-account keys reach these routes and a team has one main
   * account, so the caller's own id is the only main account a write could name; the accounts
   * service refuses any account outside the team.
   */
  targetId(identity: KeyIdentity, id: string): string {
    if (id === identity.accountId) throw subAccountNotFound();
    return id;
  }

  /** The same checks on an account a write answered with. */
  ensureSubAccount(identity: KeyIdentity, account: AccountView): AccountView {
    if (account.kind !== 'sub' || account.teamId !== identity.teamId || !isVisible(account)) throw subAccountNotFound();
    return account;
  }

  async present(teamId: string, account: AccountView, apiKey?: string): Promise<SubAccountResponse> {
    if (!isVisible(account)) throw subAccountNotFound();
    const balance = await this.ledger.balanceOf(teamId, [account.id]);
    return toSubAccount(account, spendOf(balance, account.id), apiKey);
  }

  /** One GetBalance for the whole list; erased accounts are left out. */
  async presentAll(teamId: string, accounts: readonly AccountView[]): Promise<SubAccountResponse[]> {
    const visible = accounts.filter(isVisible);
    if (visible.length === 0) return [];
    const balance = await this.ledger.balanceOf(
      teamId,
      visible.map((account) => account.id),
    );
    return visible.map((account) => toSubAccount(account, spendOf(balance, account.id)));
  }
}
