import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors, INVALID_REQUEST } from '../../responses/api-errors.decorator';
import { pageOf, PageQuery } from '../../responses/page-query.dto';
import { SubAccountPage } from '../../responses/sub-account.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';

@SubAccountsController()
export class ListSubAccountsController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the sub-accounts of your team, oldest first' })
  @ApiOkResponse({ type: SubAccountPage })
  @ApiErrors({ 400: INVALID_REQUEST })
  async list(@CurrentIdentity() identity: KeyIdentity, @Query() query: PageQuery): Promise<SubAccountPage> {
    const page = await this.accounts.query({ type: 'ListSubAccounts', teamId: identity.teamId, ...pageOf(query) });
    return { items: await this.reader.presentAll(identity.teamId, page.items), nextCursor: page.nextCursor };
  }
}
