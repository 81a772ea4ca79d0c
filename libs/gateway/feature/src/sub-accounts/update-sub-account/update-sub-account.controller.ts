import { Body, Inject, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { IdentityCache } from '../../auth/identity-cache';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors, INVALID_REQUEST, SUB_ACCOUNT_NOT_FOUND } from '../../responses/api-errors.decorator';
import { SubAccountEnvelope } from '../../responses/sub-account.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';
import { toAccountChanges } from './to-account-changes';
import { UpdateSubAccountRequest } from './update-sub-account.request.dto';

@SubAccountsController()
export class UpdateSubAccountController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
    private readonly identities: IdentityCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new credit limit or status reaches the ledger before this answers, so the next charge obeys it. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change, suspend or resume a sub-account' })
  @ApiOkResponse({ type: SubAccountEnvelope })
  @ApiErrors({
    400: INVALID_REQUEST,
    404: SUB_ACCOUNT_NOT_FOUND,
    409: '`external_id_taken` or `account_pending_deletion`.',
  })
  async update(
    @CurrentIdentity() identity: KeyIdentity,
    @Param('id') id: string,
    @Body() body: UpdateSubAccountRequest,
  ): Promise<SubAccountEnvelope> {
    const accountId = this.reader.targetId(identity, id);
    const changes = toAccountChanges(body);
    const updated = await this.accounts.command({
      type: 'UpdateSubAccount',
      teamId: identity.teamId,
      accountId,
      changes,
      at: this.clock.now(),
    });
    if (changes.status !== undefined) this.identities.invalidateAccount(accountId);
    return {
      subAccount: await this.reader.present(identity.teamId, this.reader.ensureSubAccount(identity, updated.account)),
    };
  }
}
