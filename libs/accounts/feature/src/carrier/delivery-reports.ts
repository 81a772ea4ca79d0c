import { Inject, Injectable } from '@nestjs/common';
import { type AccountsServiceRefusal, type ServiceReply, Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { type Clock, CLOCK, MESSAGE_BUS } from '@subledger/platform';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts-options';
import type { AccountsInternalCommand, AccountsInternalReplies, DeliveryStatus } from '../commands/accounts-internal-command';

export interface DeliveryReport {
  readonly teamId: string;
  readonly messageId: string;
  readonly status: DeliveryStatus;
  readonly errorCode: string | null;
}

/**
 * How a carrier reports progress: as a command on the team's partition of `accounts.commands`, so
 * the status change (and a refund of a failed live message) is made by the team's single writer.
 */
@Injectable()
export class DeliveryReports {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  report({ teamId, messageId, status, errorCode }: DeliveryReport): Promise<ServiceReply<AccountsInternalReplies['AdvanceMessage'], AccountsServiceRefusal>> {
    const command: AccountsInternalCommand = { type: 'AdvanceMessage', teamId, messageId, status, errorCode, at: this.clock.now() };
    // The ledger deadline plus a margin: a failed step waits for the refund.
    return this.bus.request(Topics.accountsCommands, teamId, command, { timeoutMs: this.options.ledgerTimeoutMs * 2 });
  }
}
