import { Inject, Injectable, Logger } from '@nestjs/common';
import { type FieldViolation, replyOk, replyRefused } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { MESSAGE_CARRIER, type MessageCarrier } from '../../carrier/message-carrier.port';
import { LedgerClient } from '../../ledger/ledger-client';
import type { StoredMessage } from '../../read-model/message-rows';
import { TeamStateCache } from '../../team-state/team-state-cache';
import type { AnyCommandReply } from '../accounts-command.router';
import type { GatheredCommand } from '../command-kinds';
import { atViolations, deliveryStepViolations, keyUsageViolations, recordMessageViolations } from './gathered-checks';
import { GroupRows } from './group-rows';
import { KeyUsageGroup } from './key-usage-group';
import { type AccountStanding, MessageGroup, type MessageOutcome } from './message-group';

export interface GatheredItem {
  readonly command: GatheredCommand;
  /** Whether anyone waits for the reply; one nobody reads is not built. */
  readonly wantsReply: boolean;
}

/**
 * A command's reply, built once the group is committed. `shows` names a message recorded before
 * the group whose whole record the reply shows, read only when the reply is wanted.
 */
interface Answer {
  readonly shows?: string;
  readonly reply: (records: ReadonlyMap<string, StoredMessage>) => AnyCommandReply;
}

/**
 * Commits a run of gathered commands (message records, delivery reports, key usage) together: the
 * states of the messages they name are read with one statement, the commands applied in memory in
 * partition order, the refunds they imply asked of the ledger, then one statement writes every new
 * record, status change and key use (both statements shared with the groups of other partitions
 * that are ready at the same time, see GroupRows). Redelivered,
 * the same commands change nothing more: records insert once, statuses only move forward, a
 * refunded row is not refunded again, and the ledger dedupes a refund by its charge.
 */
@Injectable()
export class GroupCommitHandler {
  private readonly logger = new Logger(GroupCommitHandler.name);

  constructor(
    private readonly rows: GroupRows,
    private readonly cache: TeamStateCache,
    private readonly ledger: LedgerClient,
    @Inject(MESSAGE_CARRIER) private readonly carrier: MessageCarrier,
  ) {}

  async handle(items: readonly GatheredItem[]): Promise<(AnyCommandReply | undefined)[]> {
    const group = new MessageGroup(await this.rows.states(messageIdsOf(items)));
    const keyUsage = new KeyUsageGroup();
    const answers: Answer[] = [];
    for (const { command } of items) answers.push(await this.gather(command, group, keyUsage));
    await this.refund(group);
    keyUsage.written(
      await this.rows.write({ inserts: group.inserts(), changes: group.changes(), usages: keyUsage.all() }),
    );
    for (const message of group.dispatches()) this.carrier.dispatch(message);
    const shown = items.flatMap((item, i) => (item.wantsReply && answers[i].shows ? [answers[i].shows] : []));
    const records = new Map((await this.rows.records(shown)).map((row) => [row.id, row]));
    return items.map((item, i) => (item.wantsReply ? answers[i].reply(records) : undefined));
  }

  private async gather(command: GatheredCommand, group: MessageGroup, keyUsage: KeyUsageGroup): Promise<Answer> {
    switch (command.type) {
      case 'RecordMessage': {
        const violations = recordMessageViolations(command);
        if (violations.length > 0) return invalid(violations);
        const standing = await this.standing(command.teamId, command.message.accountId);
        return messageAnswer(group.record(command.teamId, command.message, command.at, standing));
      }
      case 'AdvanceMessage': {
        const violations = [...deliveryStepViolations(command), ...atViolations(command.at)];
        if (violations.length > 0) return invalid(violations);
        return messageAnswer(group.advance(command.teamId, command, command.at));
      }
      case 'AdvanceMessages': {
        const violations = [
          ...(Array.isArray(command.steps) ? [] : [{ field: 'steps', reason: 'not_an_array' } as const]),
          ...atViolations(command.at),
        ];
        if (violations.length > 0) return invalid(violations);
        const steps = command.steps.map((step, i) => {
          const wrong = deliveryStepViolations(step, `steps.${i}.`);
          return wrong.length > 0
            ? replyRefused({ type: 'invalid', violations: wrong } as const)
            : stepReply(group.advance(command.teamId, step, command.at));
        });
        return { reply: () => replyOk({ steps }) };
      }
      case 'RecordKeyUsage': {
        const violations = keyUsageViolations(command.usages);
        if (violations.length > 0) return invalid(violations);
        const recorded = keyUsage.add(command.teamId, command.usages);
        return { reply: () => replyOk({ recorded: recorded() }) };
      }
      default:
        return assertNever(command);
    }
  }

  /** The team's own word, from its state in memory: no query per message. */
  private async standing(teamId: string, accountId: string): Promise<AccountStanding> {
    const { state } = await this.cache.account(await this.cache.team(teamId), accountId);
    if (state.status === 'missing' || state.teamId !== teamId) return 'account_not_found';
    return state.status === 'purged' ? 'account_purged' : 'ok';
  }

  /**
   * Asks the ledger for every refund of the group at once, before the commit: a row says
   * `refunded` only after the ledger did. A timeout fails the group, which is delivered again.
   */
  private async refund(group: MessageGroup): Promise<void> {
    await Promise.all(
      group.refunds().map(async ({ command, messageId }) => {
        const verdict = await this.ledger.send(command, (outcome) => outcome.type === 'charge_refunded');
        if (messageId !== null) group.settleRefund(messageId, verdict.ok);
        else this.logger.warn(`A message of charge ${command.chargeId} could not be recorded; its charge is refunded`);
        if (!verdict.ok)
          this.logger.warn(
            `The ledger did not refund charge ${command.chargeId} (${command.reason}): ${JSON.stringify(verdict.error)}`,
          );
      }),
    );
  }
}

function messageIdsOf(items: readonly GatheredItem[]): string[] {
  const ids = items.flatMap(({ command }): unknown[] => {
    switch (command.type) {
      case 'RecordMessage':
        return [command.message?.id];
      case 'AdvanceMessage':
        return [command.messageId];
      case 'AdvanceMessages':
        return Array.isArray(command.steps) ? command.steps.map((step) => step?.messageId) : [];
      case 'RecordKeyUsage':
        return [];
      default:
        return assertNever(command);
    }
  });
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

function messageAnswer(outcome: MessageOutcome): Answer {
  if (!outcome.ok) return { reply: () => replyRefused(outcome.error) };
  const snapshot = outcome.value;
  return {
    shows: MessageGroup.needsContent(snapshot) ? snapshot.row.id : undefined,
    reply: (records) => replyOk({ message: MessageGroup.view(snapshot, records.get(snapshot.row.id)) }),
  };
}

function stepReply(outcome: MessageOutcome) {
  return outcome.ok ? replyOk({ status: outcome.value.row.status }) : replyRefused(outcome.error);
}

function invalid(violations: FieldViolation[]): Answer {
  return { reply: () => replyRefused({ type: 'invalid', violations }) };
}
