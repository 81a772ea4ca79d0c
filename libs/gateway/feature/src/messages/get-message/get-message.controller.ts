import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors, UPSTREAM_ERRORS } from '../../responses/api-errors.decorator';
import { MessageEnvelope, toMessage } from '../../responses/message.response';
import { ApiError, CurrentIdentity } from '../../shared';
import { MessagesController } from '../messages.api';

@MessagesController()
export class GetMessageController {
  constructor(private readonly accounts: AccountsClient) {}

  /**
   * Only the caller's own messages: another account's id is 404, like an unknown one. A send
   * answers 202 once its record is handed over, possibly before the accounts service has written it
   * (distributed mode), so a miss asks again in order behind the team's writes before answering 404.
   */
  @Get(':id')
  @ApiOperation({ summary: 'Get one of your messages' })
  @ApiOkResponse({ type: MessageEnvelope })
  @ApiErrors({ ...UPSTREAM_ERRORS, 404: '`message_not_found`: not a message of the calling account.' })
  async get(@CurrentIdentity() identity: KeyIdentity, @Param('id') id: string): Promise<MessageEnvelope> {
    const request = {
      type: 'GetMessage',
      teamId: identity.teamId,
      accountId: identity.accountId,
      messageId: id,
    } as const;
    const { message } = await this.accounts.query(request).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'message_not_found') return this.accounts.orderedRead(request);
      throw error;
    });
    return { message: toMessage(message) };
  }
}
