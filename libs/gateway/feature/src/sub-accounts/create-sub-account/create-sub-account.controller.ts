import { Body, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { AccountsClient } from '../../clients/accounts.client';
import { newId } from '../../ids/ids';
import { newApiKey } from '../../clients/new-api-key';
import { ApiErrors, IDEMPOTENCY_CONFLICT, INVALID_REQUEST } from '../../responses/api-errors.decorator';
import { SubAccountEnvelope } from '../../responses/sub-account.response';
import { CurrentIdentity } from '../../shared';
import { creditLimitMicros } from '../credit-limit-micros';
import { SubAccountReader } from '../sub-account-reader';
import { SubAccountsController } from '../sub-accounts.api';
import { CreateSubAccountRequest } from './create-sub-account.request.dto';

/** The first key's name; more keys, with names of the client's choice, come from `/api-keys`. */
export const FIRST_KEY_NAME = 'Default';

@SubAccountsController()
export class CreateSubAccountController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly reader: SubAccountReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The first key lives in the caller's environment: a test integration gets test sub-account keys. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a sub-account; the answer holds its first API key, shown only here' })
  @ApiCreatedResponse({ type: SubAccountEnvelope })
  @ApiErrors({ 400: INVALID_REQUEST, 409: '`external_id_taken`, or ' + IDEMPOTENCY_CONFLICT })
  async create(
    @CurrentIdentity() identity: KeyIdentity,
    @Body() body: CreateSubAccountRequest,
  ): Promise<SubAccountEnvelope> {
    const { key, newKey } = newApiKey('sub', { name: FIRST_KEY_NAME, environment: identity.environment });
    const { account } = await this.accounts.command({
      type: 'CreateSubAccount',
      teamId: identity.teamId,
      accountId: newId('proj'),
      name: body.name,
      externalId: body.externalId ?? null,
      creditLimit: creditLimitMicros(body.creditLimit),
      metadata: body.metadata === undefined || body.metadata === null ? null : { ...body.metadata },
      key: newKey,
      at: this.clock.now(),
    });
    return { subAccount: await this.reader.present(identity.teamId, account, key) };
  }
}
