import { Inject, Injectable } from '@nestjs/common';
import {
  type AccountsCommandRequest,
  type AccountsOrderedRead,
  type AccountsQueryRequest,
  type AccountsReplies,
  type AccountsReply,
  type AccountsRequest,
  accountsQueryKey,
  Topics,
} from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';
import { accountsRefusalError } from '../responses/refusal-table';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared';
import { requestIdHeaders } from './request-id-headers';
import { requestUpstream } from './upstream-request';

/** The accounts service as the routes see it: a reply value, or the ApiError its refusal maps to. */
@Injectable()
export class AccountsClient {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  command<C extends AccountsCommandRequest>(request: C): Promise<AccountsReplies[C['type']]> {
    return this.send(Topics.accountsCommands, request.teamId, request);
  }

  /**
   * A command whose reply nobody waits for: resolves once the bus has durably taken it (see
   * MessageBus.handOver), on the team's partition of `accounts.commands`.
   */
  async handOver(request: AccountsCommandRequest): Promise<void> {
    await this.bus.handOver(Topics.accountsCommands, request.teamId, request, requestIdHeaders());
  }

  /**
   * A read answered after every command before it on the team's partition of `accounts.commands`,
   * so it sees what was handed over before it was asked (a message answered 202 a moment ago).
   */
  orderedRead<R extends AccountsOrderedRead>(request: R): Promise<AccountsReplies[R['type']]> {
    return this.send(Topics.accountsCommands, request.teamId, request);
  }

  query<Q extends AccountsQueryRequest>(request: Q): Promise<AccountsReplies[Q['type']]> {
    return this.send(Topics.accountsQueries, accountsQueryKey(request), request);
  }

  private async send<R extends AccountsRequest>(
    topic: string,
    key: string,
    request: R,
  ): Promise<AccountsReplies[R['type']]> {
    const reply = await this.ask(topic, key, request);
    if (!reply.ok) throw accountsRefusalError(reply.refusal);
    return reply.value;
  }

  private ask<R extends AccountsRequest>(topic: string, key: string, request: R): Promise<AccountsReply<R['type']>> {
    return requestUpstream<AccountsReply<R['type']>>(this.bus, {
      service: 'accounts',
      topic,
      key,
      value: request,
      timeoutMs: this.options.requestTimeoutMs,
    });
  }
}
