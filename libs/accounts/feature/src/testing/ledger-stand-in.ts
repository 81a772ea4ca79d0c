import { type LedgerCommand, type LedgerCommandReply, type LedgerOutcome, replyOk, Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';

/**
 * A stand-in for the ledger service in accounts tests: it records every command it gets on
 * `ledger.commands` and answers a plausible outcome (the real ledger is tested on its own).
 * `before` runs first for each command, e.g. to look at the database at that moment; `override`
 * may answer instead, e.g. with a refusal.
 */
export class LedgerStandIn {
  readonly commands: LedgerCommand[] = [];
  /** Every command with the outcome it was answered, in order. */
  readonly answered: { readonly command: LedgerCommand; readonly outcome: LedgerOutcome }[] = [];
  before: (command: LedgerCommand) => Promise<void> = async () => undefined;
  override: (command: LedgerCommand) => LedgerOutcome | null = () => null;
  private readonly openTeams = new Map<string, string>();
  private readonly refunded = new Set<string>();

  subscribe(bus: MessageBus): void {
    void bus.subscribe<LedgerCommand, LedgerCommandReply>(Topics.ledgerCommands, 'ledger-stand-in', async (batch) => {
      const replies: LedgerCommandReply[] = [];
      for (const { value } of batch) {
        this.commands.push(value);
        await this.before(value);
        const outcome = this.override(value) ?? this.decide(value);
        this.answered.push({ command: value, outcome });
        replies.push(replyOk(outcome));
      }
      return replies;
    });
  }

  of<T extends LedgerCommand['type']>(type: T): Extract<LedgerCommand, { type: T }>[] {
    return this.commands.filter((command): command is Extract<LedgerCommand, { type: T }> => command.type === type);
  }

  private decide(command: LedgerCommand): LedgerOutcome {
    switch (command.type) {
      case 'OpenTeam': {
        const { teamId, currency } = command;
        if (this.openTeams.has(teamId))
          return { type: 'refused', refusal: { reason: 'team_already_opened', teamId, currency } };
        this.openTeams.set(teamId, currency);
        return { type: 'team_opened', teamId, currency, replayed: false };
      }
      case 'SetSpendPolicy': {
        const { accountId, creditLimit, status } = command;
        return { type: 'spend_policy_set', accountId, creditLimit, status, totalSpent: 0n, replayed: false };
      }
      case 'RefundCharge': {
        const replayed = this.refunded.has(command.chargeId);
        this.refunded.add(command.chargeId);
        return {
          type: 'charge_refunded',
          chargeId: command.chargeId,
          accountId: 'any',
          amount: 1n,
          balance: 0n,
          totalSpent: 0n,
          replayed,
        };
      }
      default:
        return { type: 'refused', refusal: { reason: 'team_not_found', teamId: command.teamId } };
    }
  }
}
