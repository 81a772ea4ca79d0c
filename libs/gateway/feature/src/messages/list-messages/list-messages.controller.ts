import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { KeyIdentity, MessageStatus } from '@subledger/contracts';
import { AccountsClient } from '../../clients/accounts.client';
import { ApiErrors, INVALID_REQUEST, UPSTREAM_ERRORS } from '../../responses/api-errors.decorator';
import { MessagePage, toMessage } from '../../responses/message.response';
import { pageOf } from '../../responses/page-query.dto';
import { CurrentIdentity } from '../../shared';
import type { ListedStatus } from '../message-kinds';
import { MessagesController } from '../messages.api';
import { ListMessagesQuery } from './list-messages.query.dto';

const STORED_STATUSES: readonly string[] = ['queued', 'sent', 'delivered', 'failed'] satisfies MessageStatus[];

function isStoredStatus(status: ListedStatus): status is ListedStatus & MessageStatus {
  return STORED_STATUSES.includes(status);
}

@MessagesController()
export class ListMessagesController {
  constructor(private readonly accounts: AccountsClient) {}

  /**
   * A Zavu status we never store (`sending`, `received`) filters to an empty list. The list is
   * read in order behind the team's writes, so it holds every message already answered 202.
   */
  @Get()
  @ApiOperation({ summary: 'List your messages, oldest first' })
  @ApiOkResponse({ type: MessagePage })
  @ApiErrors({ ...UPSTREAM_ERRORS, 400: INVALID_REQUEST })
  async list(@CurrentIdentity() identity: KeyIdentity, @Query() query: ListMessagesQuery): Promise<MessagePage> {
    const { status } = query;
    if (status !== undefined && !isStoredStatus(status)) return { items: [], nextCursor: null };
    const page = await this.accounts.orderedRead({
      type: 'ListMessages',
      teamId: identity.teamId,
      accountId: identity.accountId,
      ...pageOf(query),
      ...(status === undefined ? {} : { status }),
      ...(query.channel === undefined ? {} : { channel: query.channel }),
      ...(query.to === undefined ? {} : { to: query.to }),
    });
    return { items: page.items.map(toMessage), nextCursor: page.nextCursor };
  }
}
