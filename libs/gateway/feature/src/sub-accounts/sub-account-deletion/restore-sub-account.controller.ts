import { Delete, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { IdentityCache } from '../../auth/identity-cache';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors, SUB_ACCOUNT_NOT_FOUND } from '../../responses/api-errors.decorator';
import { SubAccountEnvelope } from '../../responses/sub-account.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';

@SubAccountsController()
export class RestoreSubAccountController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
    private readonly identities: IdentityCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Delete(':id/deletion')
  @ApiOperation({ summary: 'Cancel a scheduled deletion: the sub-account is active again, without keys' })
  @ApiOkResponse({ type: SubAccountEnvelope })
  @ApiErrors({ 404: SUB_ACCOUNT_NOT_FOUND, 409: '`not_pending_deletion` or `deletion_window_closed`.' })
  async restore(@CurrentIdentity() identity: KeyIdentity, @Param('id') id: string): Promise<SubAccountEnvelope> {
    const accountId = this.reader.targetId(identity, id);
    const restored = await this.accounts.command({
      type: 'RestoreSubAccount',
      teamId: identity.teamId,
      accountId,
      at: this.clock.now(),
    });
    this.identities.invalidateAccount(accountId);
    return {
      subAccount: await this.reader.present(identity.teamId, this.reader.ensureSubAccount(identity, restored.account)),
    };
  }
}
