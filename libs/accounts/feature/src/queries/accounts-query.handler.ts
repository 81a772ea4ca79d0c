import { Injectable } from '@nestjs/common';
import {
  type AccountsQueryRequest,
  type AccountsReply,
  MAX_TEAM_SEARCH_LENGTH,
  replyOk,
  replyRefused,
} from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { AccountsReadModel } from '../read-model/accounts-read-model';
import { apiKeyViewOf } from '../read-model/api-key-rows';
import { messageViewOf } from '../read-model/message-rows';
import { decodeCursor, isPageSize, pageOf } from '../read-model/page-cursor';
import { accountViewOf, type ProjectRow } from '../read-model/project-rows';
import { decodeTeamCursor, encodeTeamCursor } from '../read-model/team-cursor';

type Query<T extends AccountsQueryRequest['type']> = Extract<AccountsQueryRequest, { type: T }>;
export type AnyQueryReply = AccountsReply<AccountsQueryRequest['type']>;

/**
 * Reads of `accounts.queries`, from the committed read model only: whatever a command answered is
 * already visible here (read-your-writes).
 */
@Injectable()
export class AccountsQueryHandler {
  constructor(private readonly readModel: AccountsReadModel) {}

  handle(query: AccountsQueryRequest): Promise<AnyQueryReply> {
    switch (query.type) {
      case 'AuthenticateKey':
        return this.authenticateKey(query);
      case 'GetTeam':
        return this.getTeam(query);
      case 'ListTeams':
        return this.listTeams(query);
      case 'CountActiveKeys':
        return this.countActiveKeys(query);
      case 'GetAccount':
        return this.getAccount(query);
      case 'ListSubAccounts':
        return this.listSubAccounts(query);
      case 'ListApiKeys':
        return this.listApiKeys(query);
      case 'GetMessage':
        return this.getMessage(query);
      case 'ListMessages':
        return this.listMessages(query);
      default:
        return assertNever(query);
    }
  }

  async authenticateKey({ digest }: Query<'AuthenticateKey'>): Promise<AccountsReply<'AuthenticateKey'>> {
    return replyOk({ identity: await this.readModel.apiKeys.identity(this.readModel.db, digest) });
  }

  /** The team and every project it ever had, purged ones included (status `purged`, no personal data). */
  async getTeam({ teamId }: Query<'GetTeam'>): Promise<AccountsReply<'GetTeam'>> {
    const team = await this.readModel.teams.find(this.readModel.db, teamId);
    if (team === null) return replyRefused({ type: 'team_not_found' });
    const projects = await this.readModel.projects.ofTeam(this.readModel.db, teamId);
    return replyOk({ team, accounts: projects.map(accountViewOf) });
  }

  /** Every team, newest first, each with its live sub-accounts; the operators' list. */
  async listTeams({ search, cursor, limit }: Query<'ListTeams'>): Promise<AccountsReply<'ListTeams'>> {
    const after = decodeTeamCursor(cursor);
    if (after === 'invalid') return replyRefused({ type: 'invalid_cursor' });
    if (!isPageSize(limit))
      return replyRefused({ type: 'invalid', violations: [{ field: 'limit', reason: 'not_allowed' }] });
    if (
      search !== null &&
      (typeof search !== 'string' || search.length === 0 || search.length > MAX_TEAM_SEARCH_LENGTH)
    ) {
      return replyRefused({ type: 'invalid', violations: [{ field: 'search', reason: 'not_allowed' }] });
    }
    const teams = await this.readModel.teams.list(this.readModel.db, search, after, limit + 1);
    const items = teams.slice(0, limit);
    const last = items[items.length - 1];
    return replyOk({ items, nextCursor: teams.length > limit ? encodeTeamCursor(last) : null });
  }

  /** The keys not revoked of each of the team's accounts, purged ones included (at 0). */
  async countActiveKeys({ teamId }: Query<'CountActiveKeys'>): Promise<AccountsReply<'CountActiveKeys'>> {
    if ((await this.readModel.teams.find(this.readModel.db, teamId)) === null)
      return replyRefused({ type: 'team_not_found' });
    return replyOk({ accounts: await this.readModel.apiKeys.activeCounts(this.readModel.db, teamId) });
  }

  /** Any project of the team, main account included: the caller knows the route it serves. */
  async getAccount({ teamId, accountId }: Query<'GetAccount'>): Promise<AccountsReply<'GetAccount'>> {
    const found = await this.project(teamId, accountId);
    return found.ok ? replyOk({ account: accountViewOf(found.value) }) : found;
  }

  /** Live sub-accounts in creation order; purged ones are gone from the list as from the API. */
  async listSubAccounts({
    teamId,
    cursor,
    limit,
  }: Query<'ListSubAccounts'>): Promise<AccountsReply<'ListSubAccounts'>> {
    const after = decodeCursor(cursor);
    if (after === null) return replyRefused({ type: 'invalid_cursor' });
    if (!isPageSize(limit))
      return replyRefused({ type: 'invalid', violations: [{ field: 'limit', reason: 'not_allowed' }] });
    if ((await this.readModel.teams.find(this.readModel.db, teamId)) === null)
      return replyRefused({ type: 'team_not_found' });
    const rows = await this.readModel.projects.subAccountsAfter(this.readModel.db, teamId, after, limit + 1);
    return replyOk(pageOf(rows, limit, accountViewOf));
  }

  /** A sub-account's keys, revoked ones included, in creation order. */
  async listApiKeys({ teamId, accountId }: Query<'ListApiKeys'>): Promise<AccountsReply<'ListApiKeys'>> {
    const found = await this.project(teamId, accountId);
    if (!found.ok) return found;
    if (found.value.kind !== 'sub') return replyRefused({ type: 'account_not_found' });
    const rows = await this.readModel.apiKeys.ofAccount(this.readModel.db, accountId);
    return replyOk({ items: rows.map(apiKeyViewOf) });
  }

  async getMessage({ teamId, accountId, messageId }: Query<'GetMessage'>): Promise<AccountsReply<'GetMessage'>> {
    const row = await this.readModel.messages.find(this.readModel.db, teamId, messageId);
    if (row === null || row.account_id !== accountId) return replyRefused({ type: 'message_not_found' });
    return replyOk({ message: messageViewOf(row) });
  }

  /** The account's own messages, oldest first, filtered by status, channel and recipient. */
  async listMessages(query: Query<'ListMessages'>): Promise<AccountsReply<'ListMessages'>> {
    const after = decodeCursor(query.cursor);
    if (after === null) return replyRefused({ type: 'invalid_cursor' });
    if (!isPageSize(query.limit))
      return replyRefused({ type: 'invalid', violations: [{ field: 'limit', reason: 'not_allowed' }] });
    const { teamId, accountId, status, channel, to } = query;
    const rows = await this.readModel.messages.ofAccountAfter(
      this.readModel.db,
      teamId,
      accountId,
      { status, channel, to },
      after,
      query.limit + 1,
    );
    return replyOk(pageOf(rows, query.limit, messageViewOf));
  }

  private async project(teamId: string, accountId: string) {
    const row = await this.readModel.projects.find(this.readModel.db, teamId, accountId);
    if (row === null) return replyRefused({ type: 'account_not_found' } as const);
    if (row.status === 'purged') return replyRefused({ type: 'account_purged' } as const);
    return replyOk<ProjectRow>(row);
  }
}
