import type { LedgerCommand, LedgerOutcome } from '@subledger/contracts';
import { recordedOutcome } from '@subledger/ledger-domain';
import { ownEventId } from '../team-state/team-event-ids';
import { teamStreamId } from '../team-state/team-stream';
import { commandDigest, commandKey } from './command-identity';
import type { CommandHistory } from './command-history';
import { commandOfEvent } from './recorded-command';

/**
 * The answer the same command (same id, same digest) got before, from the store: the outcome stored
 * for it when it recorded no event, or the outcome rebuilt from the event it recorded.
 */
export function storedAnswer(
  command: LedgerCommand,
  commandId: string,
  history: CommandHistory,
): LedgerOutcome | undefined {
  if (history.events.size === 0 && history.stored.size === 0) return undefined;
  const stored = history.stored.get(commandKey(command.teamId, commandId));
  const ownId = history.events.size === 0 ? null : ownEventId(teamStreamId(command.teamId), command);
  const own = ownId === null ? undefined : history.events.get(ownId);
  if (stored === undefined && own === undefined) return undefined;
  const digest = commandDigest(command);
  const answered = stored?.find((entry) => entry.digest === digest);
  if (answered !== undefined) return answered.outcome;
  if (own === undefined) return undefined;
  const recordedBy = commandOfEvent(command.teamId, own.event);
  return recordedBy !== null && commandDigest(recordedBy) === digest
    ? recordedOutcome(own.event, own.after)
    : undefined;
}

/**
 * The commands of one team decided so far in a batch, by command id, so that the same command again
 * in the batch gets the same answer and another one under its id is decided anew.
 */
export class BatchAnswers {
  private readonly byId = new Map<string, { command: LedgerCommand; digest?: string; outcome: LedgerOutcome }[]>();

  answerFor(command: LedgerCommand, commandId: string): LedgerOutcome | undefined {
    const earlier = this.byId.get(commandId);
    if (earlier === undefined) return undefined;
    const digest = commandDigest(command);
    return earlier.find((entry) => (entry.digest ??= commandDigest(entry.command)) === digest)?.outcome;
  }

  add(command: LedgerCommand, commandId: string, outcome: LedgerOutcome): void {
    const earlier = this.byId.get(commandId);
    if (earlier === undefined) this.byId.set(commandId, [{ command, outcome }]);
    else earlier.push({ command, outcome });
  }
}
