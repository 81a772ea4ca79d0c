import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { IdempotencyKey, IdempotencyKeyBodyField } from '../../idempotency/idempotency-key.decorator';
import {
  ApiErrors,
  IDEMPOTENCY_CONFLICT,
  INVALID_REQUEST,
  UPSTREAM_ERRORS,
} from '../../responses/api-errors.decorator';
import { MessageEnvelope } from '../../responses/message.response';
import { CurrentIdentity } from '../../shared';
import { MessagesController } from '../messages.api';
import { SendMessageHandler } from './send-message.handler';
import { SendMessageRequest } from './send-message.request.dto';

@MessagesController()
export class SendMessageController {
  constructor(private readonly handler: SendMessageHandler) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @IdempotencyKeyBodyField('idempotencyKey')
  @ApiOperation({ summary: 'Send a message; a live key is charged before the answer, a test key never' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 255 characters; a retry with it is never charged twice.',
  })
  @ApiAcceptedResponse({ type: MessageEnvelope })
  @ApiErrors({
    ...UPSTREAM_ERRORS,
    400: INVALID_REQUEST,
    402: '`credit_limit_exceeded` (`details: {creditLimit, totalSpent, cost}`) or `insufficient_balance` (`details: {balance, cost}`), in cents.',
    403: '`account_inactive`.',
    409: IDEMPOTENCY_CONFLICT,
  })
  async send(
    @CurrentIdentity() identity: KeyIdentity,
    @Body() body: SendMessageRequest,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<MessageEnvelope> {
    return { message: await this.handler.send(identity, body, idempotencyKey) };
  }
}
