import { Body, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { PriceList } from '@subledger/pricing';
import { CLOCK, type Clock } from '@subledger/platform';
import { AccountsClient } from '../../clients/accounts.client';
import { newId } from '../../ids/ids';
import { newApiKey } from '../../clients/new-api-key';
import { noSpend } from '../../clients/spend-of';
import { invalidRequest } from '../../errors';
import { PRICE_LIST } from '../../messages/price-list.provider';
import { ApiErrors, INVALID_REQUEST } from '../../responses/api-errors.decorator';
import { toCreatedApiKey } from '../../responses/api-key.response';
import { toTeam, toTeamAccount } from '../../responses/team.response';
import { AdminTeamsController } from '../admin.api';
import { CreatedTeamResponse } from './created-team.response';
import { CreateTeamRequest } from './create-team.request.dto';

export const MAIN_KEY_NAME = 'Default';

@AdminTeamsController()
export class CreateTeamController {
  constructor(
    private readonly accounts: AccountsClient,
    @Inject(PRICE_LIST) private readonly prices: PriceList,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The accounts service creates the team with its main account and opens its ledger. A team can
   * only hold the price list's currency: messages are priced in it, and amounts of different
   * currencies never mix (docs/contract.md §1).
   */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a team with its main account and a first live key' })
  @ApiCreatedResponse({ type: CreatedTeamResponse })
  @ApiErrors({ 400: `${INVALID_REQUEST} A currency other than the price list's is refused.` })
  async create(@Body() body: CreateTeamRequest): Promise<CreatedTeamResponse> {
    const currency = (body.currency ?? this.prices.currency).toLowerCase();
    if (currency !== this.prices.currency) {
      throw invalidRequest([
        { path: 'currency', message: `currency must be ${this.prices.currency}, the currency messages are priced in` },
      ]);
    }
    const { key, newKey } = newApiKey('main', { name: MAIN_KEY_NAME, environment: 'live' });
    const mainAccountId = newId('proj');
    const created = await this.accounts.command({
      type: 'CreateTeam',
      teamId: newId('team'),
      name: body.name,
      currency,
      mainAccountId,
      mainKey: newKey,
      at: this.clock.now(),
    });
    return {
      team: toTeam(created.team),
      mainAccount: toTeamAccount(created.mainAccount, noSpend(created.mainAccount.id)),
      apiKey: toCreatedApiKey(created.apiKey, key),
    };
  }
}
