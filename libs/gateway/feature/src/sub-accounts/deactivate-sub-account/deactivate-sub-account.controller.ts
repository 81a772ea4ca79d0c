import { Delete, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { IdentityCache } from '../../auth/identity-cache';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors, SUB_ACCOUNT_NOT_FOUND } from '../../responses/api-errors.decorator';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';
import { DeactivatedResponse } from './deactivated.response';

@SubAccountsController()
export class DeactivateSubAccountController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
    private readonly identities: IdentityCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Delete(':id')
  @ApiOperation({ summary: 'Deactivate a sub-account: status inactive and every key revoked' })
  @ApiOkResponse({ type: DeactivatedResponse })
  @ApiErrors({ 404: SUB_ACCOUNT_NOT_FOUND, 409: '`account_pending_deletion`.' })
  async deactivate(@CurrentIdentity() identity: KeyIdentity, @Param('id') id: string): Promise<DeactivatedResponse> {
    const accountId = this.reader.targetId(identity, id);
    const { keysRevoked } = await this.accounts.command({
      type: 'DeactivateSubAccount',
      teamId: identity.teamId,
      accountId,
      at: this.clock.now(),
    });
    this.identities.invalidateAccount(accountId);
    return { message: 'Sub-account deactivated', keysRevoked };
  }
}
