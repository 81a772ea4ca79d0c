import { Delete, HttpCode, HttpStatus, Inject, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { IdentityCache } from '../../auth/identity-cache';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors } from '../../responses/api-errors.decorator';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../../sub-accounts/sub-account-reader';
import { ApiKeysController } from '../api-keys.api';

@ApiKeysController()
export class RevokeApiKeyController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
    private readonly identities: IdentityCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Revoking a revoked key answers 204 again: the key is revoked either way. */
  @Delete(':keyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an API key; the very next call with it answers 401' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiErrors({ 404: '`sub_account_not_found`, or `api_key_not_found` for a key of another account.' })
  async revoke(
    @CurrentIdentity() identity: KeyIdentity,
    @Param('id') id: string,
    @Param('keyId') keyId: string,
  ): Promise<void> {
    const accountId = this.reader.targetId(identity, id);
    await this.accounts.command({
      type: 'RevokeApiKey',
      teamId: identity.teamId,
      accountId,
      keyId,
      at: this.clock.now(),
    });
    this.identities.invalidateKey(keyId);
  }
}
