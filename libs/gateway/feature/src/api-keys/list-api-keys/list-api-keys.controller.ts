import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiKeyList, toApiKey } from '../../responses/api-key.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../../sub-accounts/sub-account-reader';
import { ApiKeysController } from '../api-keys.api';

@ApiKeysController()
export class ListApiKeysController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
  ) {}

  @Get()
  @ApiOperation({ summary: "List a sub-account's API keys; revoked keys stay, with revokedAt" })
  @ApiOkResponse({ type: ApiKeyList })
  async list(@CurrentIdentity() identity: KeyIdentity, @Param('id') id: string): Promise<ApiKeyList> {
    const accountId = this.reader.targetId(identity, id);
    const { items } = await this.accounts.query({ type: 'ListApiKeys', teamId: identity.teamId, accountId });
    return { items: items.map(toApiKey) };
  }
}
