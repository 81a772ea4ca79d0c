import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { LedgerClient } from '../../clients/ledger.client';
import { spendOf } from '../../clients/spend-of';
import { ApiErrors, SUB_ACCOUNT_NOT_FOUND } from '../../responses/api-errors.decorator';
import { BalanceResponse, toBalance } from '../../responses/balance.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';

@SubAccountsController()
export class GetSubAccountBalanceController {
  constructor(
    private readonly reader: SubAccountReader,
    private readonly ledger: LedgerClient,
  ) {}

  @Get(':id/balance')
  @ApiOperation({ summary: "The team balance with the sub-account's spend and credit limit" })
  @ApiOkResponse({ type: BalanceResponse })
  @ApiErrors({ 404: SUB_ACCOUNT_NOT_FOUND })
  async balance(@CurrentIdentity() identity: KeyIdentity, @Param('id') id: string): Promise<BalanceResponse> {
    const account = await this.reader.find(identity, id);
    const view = await this.ledger.balanceOf(identity.teamId, [account.id]);
    return toBalance(view, spendOf(view, account.id));
  }
}
