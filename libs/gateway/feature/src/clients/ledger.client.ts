import { Inject, Injectable } from '@nestjs/common';
import {
  type LedgerCommand,
  type LedgerCommandReply,
  ledgerQueryKey,
  type LedgerOutcome,
  type LedgerQuery,
  type LedgerQueryReplies,
  type LedgerQueryReply,
  type TeamBalanceView,
  Topics,
} from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';
import { ledgerCommandRefusalError, ledgerQueryRefusalError } from '../responses/refusal-table';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared';
import { requestUpstream } from './upstream-request';

/**
 * The ledger service. Commands travel as the LedgerCommand itself on the team's partition and
 * answer the LedgerOutcome the ledger decided, which the caller reads with `expectOutcome`;
 * queries answer a value. Anything refused becomes the ApiError of the refusal table.
 */
@Injectable()
export class LedgerClient {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  async command(command: LedgerCommand): Promise<LedgerOutcome> {
    const reply = await requestUpstream<LedgerCommandReply>(this.bus, {
      service: 'ledger',
      topic: Topics.ledgerCommands,
      key: command.teamId,
      value: command,
      timeoutMs: this.options.requestTimeoutMs,
    });
    if (!reply.ok) throw ledgerCommandRefusalError(reply.refusal);
    return reply.value;
  }

  async query<Q extends LedgerQuery>(query: Q): Promise<LedgerQueryReplies[Q['type']]> {
    const reply = await requestUpstream<LedgerQueryReply<Q['type']>>(this.bus, {
      service: 'ledger',
      topic: Topics.ledgerQueries,
      key: ledgerQueryKey(query),
      value: query,
      timeoutMs: this.options.requestTimeoutMs,
    });
    if (!reply.ok) throw ledgerQueryRefusalError(reply.refusal);
    return reply.value;
  }

  /** The team balance with the spend and cap of each named account. */
  balanceOf(teamId: string, accountIds: readonly string[]): Promise<TeamBalanceView> {
    return this.query({ type: 'GetBalance', teamId, accountIds });
  }
}
