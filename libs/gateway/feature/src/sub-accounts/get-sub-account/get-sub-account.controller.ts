import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { ApiErrors, SUB_ACCOUNT_NOT_FOUND } from '../../responses/api-errors.decorator';
import { SubAccountEnvelope } from '../../responses/sub-account.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';

@SubAccountsController()
export class GetSubAccountController {
  constructor(private readonly reader: SubAccountReader) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a sub-account' })
  @ApiOkResponse({ type: SubAccountEnvelope })
  @ApiErrors({ 404: SUB_ACCOUNT_NOT_FOUND })
  async get(@CurrentIdentity() identity: KeyIdentity, @Param('id') id: string): Promise<SubAccountEnvelope> {
    const account = await this.reader.find(identity, id);
    return { subAccount: await this.reader.present(identity.teamId, account) };
  }
}
