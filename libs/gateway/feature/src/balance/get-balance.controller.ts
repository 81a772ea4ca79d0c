import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { LedgerClient } from '../clients/ledger.client';
import { spendOf } from '../clients/spend-of';
import { ApiErrors, UPSTREAM_ERRORS } from '../responses/api-errors.decorator';
import { BalanceResponse, toBalance } from '../responses/balance.response';
import { CurrentIdentity, RequireAuth } from '../shared';

@Controller('v1/balance')
@ApiTags('Balance')
@RequireAuth('api-key')
export class GetBalanceController {
  constructor(private readonly ledger: LedgerClient) {}

  @Get()
  @ApiOperation({ summary: 'The team balance; a sub-account key also gets its own spend and credit limit' })
  @ApiOkResponse({ type: BalanceResponse })
  @ApiErrors(UPSTREAM_ERRORS)
  async balance(@CurrentIdentity() identity: KeyIdentity): Promise<BalanceResponse> {
    const isSub = identity.accountKind === 'sub';
    const view = await this.ledger.balanceOf(identity.teamId, isSub ? [identity.accountId] : []);
    return toBalance(view, isSub ? spendOf(view, identity.accountId) : undefined);
  }
}
