import { Body, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { balanceCents, centsToMicros } from '@subledger/money';
import { CLOCK, type Clock } from '@subledger/platform';
import { expectOutcome } from '../../clients/expect-outcome';
import { derivedId } from '../../ids/ids';
import { LedgerClient } from '../../clients/ledger.client';
import { invalidRequest } from '../../errors';
import { IdempotencyKey } from '../../idempotency/idempotency-key.decorator';
import { ApiErrors, IDEMPOTENCY_CONFLICT, INVALID_REQUEST, TEAM_NOT_FOUND } from '../../responses/api-errors.decorator';
import { AdminTeamsController } from '../admin.api';
import { TeamBalanceResponse } from '../team-balance.response';
import { TopUpRequest } from './top-up.request.dto';

@AdminTeamsController()
export class TopUpController {
  constructor(
    private readonly ledger: LedgerClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The Idempotency-Key is required here: the top-up id is derived from it and the team, so a
   * retry, however late, names the same top-up and the ledger credits it once.
   */
  @Post(':id/top-ups')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Credit a team's balance" })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Up to 255 characters; names the top-up.' })
  @ApiCreatedResponse({ type: TeamBalanceResponse })
  @ApiErrors({
    400: `${INVALID_REQUEST} Also when the Idempotency-Key header is missing.`,
    404: TEAM_NOT_FOUND,
    409: IDEMPOTENCY_CONFLICT,
  })
  async topUp(
    @Param('id') teamId: string,
    @Body() body: TopUpRequest,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<TeamBalanceResponse> {
    if (!idempotencyKey)
      throw invalidRequest([
        { path: 'Idempotency-Key', message: 'the Idempotency-Key header is required for a top-up' },
      ]);
    const outcome = await this.ledger.command({
      type: 'TopUp',
      teamId,
      topUpId: derivedId('topup', teamId, idempotencyKey),
      amount: centsToMicros(body.amount),
      ...(body.reference === undefined ? {} : { reference: body.reference }),
      at: this.clock.now(),
    });
    return { balance: balanceCents(expectOutcome(outcome, 'top_up_recorded').balance) };
  }
}
