import { HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { IdentityCache } from '../../auth/identity-cache';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors, IDEMPOTENCY_CONFLICT, SUB_ACCOUNT_NOT_FOUND } from '../../responses/api-errors.decorator';
import { SubAccountEnvelope } from '../../responses/sub-account.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';

@SubAccountsController()
export class ScheduleDeletionController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
    private readonly identities: IdentityCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/deletion')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Schedule the deletion: every key revoked now, personal data erased at deleteAt' })
  @ApiOkResponse({ type: SubAccountEnvelope })
  @ApiErrors({ 404: SUB_ACCOUNT_NOT_FOUND, 409: '`last_active_project`, or ' + IDEMPOTENCY_CONFLICT })
  async schedule(@CurrentIdentity() identity: KeyIdentity, @Param('id') id: string): Promise<SubAccountEnvelope> {
    const accountId = this.reader.targetId(identity, id);
    const scheduled = await this.accounts.command({
      type: 'ScheduleSubAccountDeletion',
      teamId: identity.teamId,
      accountId,
      at: this.clock.now(),
    });
    this.identities.invalidateAccount(accountId);
    return {
      subAccount: await this.reader.present(identity.teamId, this.reader.ensureSubAccount(identity, scheduled.account)),
    };
  }
}
