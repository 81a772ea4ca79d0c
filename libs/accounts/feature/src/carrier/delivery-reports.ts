import { Inject, Injectable } from '@nestjs/common';
import { type AccountsServiceRefusal, type ServiceReply, Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { type Clock, CLOCK, MESSAGE_BUS } from '@subledger/platform';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts-options';
import type { AccountsInternalCommand, AccountsInternalReplies, DeliveryStep } from '@subledger/contracts';

export interface DeliveryReport extends DeliveryStep {
  readonly teamId: string;
}

type Reply<T extends keyof AccountsInternalReplies> = ServiceReply<AccountsInternalReplies[T], AccountsServiceRefusal>;

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

  /** One step of one message; answers the message as the step left it. */
  report({ teamId, messageId, status, errorCode }: DeliveryReport): Promise<Reply<'AdvanceMessage'>> {
    return this.send({ type: 'AdvanceMessage', teamId, messageId, status, errorCode, at: this.clock.now() });
  }

  /** Steps of several of the team's messages in one command, applied in order; answers one reply per step. */
  reportMany(teamId: string, steps: readonly DeliveryStep[]): Promise<Reply<'AdvanceMessages'>> {
    return this.send({ type: 'AdvanceMessages', teamId, steps, at: this.clock.now() });
  }

  private send<R>(command: AccountsInternalCommand): Promise<R> {
    // The ledger deadline plus a margin: a failed step waits for the refund.
    return this.bus.request(Topics.accountsCommands, command.teamId, command, {
      timeoutMs: this.options.ledgerTimeoutMs * 2,
    });
  }
}
