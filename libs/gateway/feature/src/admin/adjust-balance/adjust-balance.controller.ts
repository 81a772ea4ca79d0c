import { Body, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { balanceCents, centsToMicros } from '@subledger/money';
import { CLOCK, type Clock } from '@subledger/platform';
import { expectOutcome } from '../../clients/expect-outcome';
import { derivedId, newId } from '../../ids/ids';
import { LedgerClient } from '../../clients/ledger.client';
import { IdempotencyKey } from '../../idempotency/idempotency-key.decorator';
import { ApiErrors, IDEMPOTENCY_CONFLICT, INVALID_REQUEST, TEAM_NOT_FOUND } from '../../responses/api-errors.decorator';
import { AdminTeamsController } from '../admin.api';
import { TeamBalanceResponse } from '../team-balance.response';
import { AdjustBalanceRequest } from './adjust-balance.request.dto';

@AdminTeamsController()
export class AdjustBalanceController {
  constructor(
    private readonly ledger: LedgerClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** With an Idempotency-Key the adjustment id is derived from it, as for top-ups; without, it is new. */
  @Post(':id/adjustments')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Correct a team's balance by a signed amount, with a reason" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 characters; names the adjustment.' })
  @ApiCreatedResponse({ type: TeamBalanceResponse })
  @ApiErrors({
    400: INVALID_REQUEST,
    402: '`insufficient_balance`: a debit past the balance; `details: {balance, amount}` in cents.',
    404: TEAM_NOT_FOUND,
    409: IDEMPOTENCY_CONFLICT,
  })
  async adjust(
    @Param('id') teamId: string,
    @Body() body: AdjustBalanceRequest,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<TeamBalanceResponse> {
    const outcome = await this.ledger.command({
      type: 'Adjust',
      teamId,
      adjustmentId: idempotencyKey ? derivedId('adj', teamId, idempotencyKey) : newId('adj'),
      amount: centsToMicros(body.amount),
      reason: body.reason,
      at: this.clock.now(),
    });
    return { balance: balanceCents(expectOutcome(outcome, 'balance_adjusted').balance) };
  }
}
