import { Body, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { AccountsClient } from '../../clients/accounts.client';
import { newApiKey } from '../../clients/new-api-key';
import { ApiErrors, IDEMPOTENCY_CONFLICT, INVALID_REQUEST } from '../../responses/api-errors.decorator';
import { CreatedApiKeyEnvelope, toCreatedApiKey } from '../../responses/api-key.response';
import { CurrentIdentity } from '../../shared';
import { SubAccountReader } from '../../sub-accounts/sub-account-reader';
import { ApiKeysController } from '../api-keys.api';
import { CreateApiKeyRequest } from './create-api-key.request.dto';

@ApiKeysController()
export class CreateApiKeyController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create an API key for a sub-account; the full key is shown only here' })
  @ApiCreatedResponse({ type: CreatedApiKeyEnvelope })
  @ApiErrors({ 400: INVALID_REQUEST, 409: '`account_pending_deletion`, or ' + IDEMPOTENCY_CONFLICT })
  async create(
    @CurrentIdentity() identity: KeyIdentity,
    @Param('id') id: string,
    @Body() body: CreateApiKeyRequest,
  ): Promise<CreatedApiKeyEnvelope> {
    const accountId = this.reader.targetId(identity, id);
    const { key, newKey } = newApiKey('sub', {
      name: body.name,
      environment: body.environment ?? 'live',
      permissions: body.permissions,
    });
    const { apiKey } = await this.accounts.command({
      type: 'CreateApiKey',
      teamId: identity.teamId,
      accountId,
      key: newKey,
      at: this.clock.now(),
    });
    return { apiKey: toCreatedApiKey(apiKey, key) };
  }
}
