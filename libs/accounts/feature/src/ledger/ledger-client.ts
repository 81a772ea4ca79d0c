import { Inject, Injectable } from '@nestjs/common';
import {
  type AccountsServiceRefusal,
  type LedgerCommand,
  type LedgerCommandReply,
  type LedgerOutcome,
  Topics,
} from '@subledger/contracts';
import { err, type Err, ok, type Result } from '@subledger/kernel';
import type { MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts-options';

/**
 * Sends commands to the ledger on the team's partition of `ledger.commands` and waits for the
 * outcome. A timeout rejects (RequestTimeoutError): the accounts command then fails as a whole and
 * is delivered again, and the ledger answers a repeated command with its first outcome.
 */
@Injectable()
export class LedgerClient {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  /**
   * The ledger's answer as the accounts service needs it: done, or why not. `accepts` names the
   * outcomes that mean "done"; any other decided outcome is the ledger refusing, which the
   * accounts service passes on as `upstream_refused`.
   */
  async send(
    command: LedgerCommand,
    accepts: (outcome: LedgerOutcome) => boolean,
  ): Promise<Result<LedgerOutcome, AccountsServiceRefusal>> {
    const reply = await this.bus.request<LedgerCommandReply>(Topics.ledgerCommands, command.teamId, command, {
      timeoutMs: this.options.ledgerTimeoutMs,
    });
    if (!reply.ok) return refusedBy(reply.refusal.type);
    if (accepts(reply.value)) return ok(reply.value);
    return refusedBy(reply.value.type === 'refused' ? reply.value.refusal.reason : reply.value.type);
  }
}

function refusedBy(reason: string): Err<AccountsServiceRefusal> {
  return err({ type: 'upstream_refused', service: 'ledger', reason });
}
