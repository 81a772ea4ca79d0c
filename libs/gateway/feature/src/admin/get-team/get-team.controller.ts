import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { balanceCents } from '@subledger/money';
import { AccountsClient } from '../../clients/accounts.client';
import { LedgerClient } from '../../clients/ledger.client';
import { spendOf } from '../../clients/spend-of';
import { ApiErrors, TEAM_NOT_FOUND } from '../../responses/api-errors.decorator';
import { toTeam, toTeamAccount } from '../../responses/team.response';
import { AdminTeamsController } from '../admin.api';
import { TeamDetailsResponse } from './team-details.response';

@AdminTeamsController()
export class GetTeamController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly ledger: LedgerClient,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary: 'A team, its balance and every account with its spend, credit limit and number of active API keys',
  })
  @ApiOkResponse({ type: TeamDetailsResponse })
  @ApiErrors({ 404: TEAM_NOT_FOUND })
  async get(@Param('id') teamId: string): Promise<TeamDetailsResponse> {
    const [{ team, accounts }, keys] = await Promise.all([
      this.accounts.query({ type: 'GetTeam', teamId }),
      this.accounts.query({ type: 'CountActiveKeys', teamId }),
    ]);
    const balance = await this.ledger.balanceOf(
      teamId,
      accounts.map((account) => account.id),
    );
    const activeKeys = new Map(keys.accounts.map((account) => [account.accountId, account.activeKeys]));
    return {
      team: toTeam(team),
      balance: balanceCents(balance.balance),
      accounts: accounts.map((account) => ({
        ...toTeamAccount(account, spendOf(balance, account.id)),
        keys: activeKeys.get(account.id) ?? 0,
      })),
    };
  }
}
