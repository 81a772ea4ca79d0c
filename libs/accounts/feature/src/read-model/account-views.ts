import { Injectable } from '@nestjs/common';
import type { AccountView, ApiKeyView, TeamView } from '@subledger/contracts';
import { AccountsReadModel } from './accounts-read-model';
import { apiKeyViewOf } from './api-key-rows';
import { accountViewOf } from './project-rows';

/**
 * The views a command answers with, read from the rows it has just committed: a reply and any
 * later query then show exactly the same thing. A row missing here was never committed, which is a
 * bug, not a refusal.
 */
@Injectable()
export class AccountViews {
  constructor(private readonly readModel: AccountsReadModel) {}

  async team(teamId: string): Promise<TeamView> {
    return present(await this.readModel.teams.find(this.readModel.db, teamId), `team ${teamId}`);
  }

  async account(teamId: string, accountId: string): Promise<AccountView> {
    const row = present(
      await this.readModel.projects.find(this.readModel.db, teamId, accountId),
      `account ${accountId}`,
    );
    return accountViewOf(row);
  }

  async apiKey(accountId: string, keyId: string): Promise<ApiKeyView> {
    const row = present(await this.readModel.apiKeys.find(this.readModel.db, accountId, keyId), `API key ${keyId}`);
    return apiKeyViewOf(row);
  }
}

function present<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`The accounts read model has no row for ${what} after its commit`);
  return value;
}
