import { replyOk, replyRefused } from '@subledger/contracts';
import type { LedgerCommandReply } from '@subledger/contracts';
import type { StreamAppend } from '@subledger/event-store';
import { decide } from '@subledger/ledger-domain';
import type { AccountSpendRow } from '../projections/account-spend.projection';
import type { TeamBalanceRow } from '../projections/team-balance.projection';
import type { TeamLedger } from '../team-state/team-ledger';
import { commandDigest, commandIdOf } from './command-identity';
import { type CommandHistory, NO_HISTORY } from './command-history';
import { storedAnswer } from './earlier-answers';
import type { CommandRead } from './ledger-command.reader';
import type { ProcessedCommandRow } from './processed-commands';
import { TeamBatch } from './team-batch';
import type { UnchangedStream } from './unchanged-streams';

export interface BatchWrites {
  readonly appends: StreamAppend[];
  readonly balances: TeamBalanceRow[];
  readonly spends: AccountSpendRow[];
  /** The answers of commands that recorded no event; an event is its command's record. */
  readonly processed: ProcessedCommandRow[];
  /** Teams decided on without an append, whose stream must still be where the decisions read it. */
  readonly unchanged: UnchangedStream[];
}

export interface DecidedBatch {
  /** One per message, in order. */
  readonly replies: LedgerCommandReply[];
  readonly writes: BatchWrites;
}

/**
 * Decides a batch in memory, in message order, against the teams' states (which it advances).
 * A command sent before, in an earlier delivery (found in `history`) or earlier in this batch, gets
 * the answer it got then and is not decided again. `history` must hold what the store has of every
 * command that may have been answered before (see look-ups.ts), and the teams' states the records
 * their commands read.
 */
export function decideBatch(
  reads: readonly CommandRead[],
  teams: ReadonlyMap<string, TeamLedger>,
  history: CommandHistory = NO_HISTORY,
): DecidedBatch {
  const batches = new Map<string, TeamBatch>();
  const processed: ProcessedCommandRow[] = [];
  const replies = reads.map((read): LedgerCommandReply => {
    if (!read.ok) return replyRefused(read.error);
    const { command, requestId } = read.value;
    const commandId = commandIdOf(command);
    const answers = batches.get(command.teamId)?.answers;
    const earlier =
      commandId === null
        ? undefined
        : (answers?.answerFor(command, commandId) ?? storedAnswer(command, commandId, history));
    if (earlier !== undefined) return replyOk(earlier);
    const team = teamBatchOf(batches, teams, command.teamId);
    const { events, outcome } = decide(command, team.ledger.state);
    team.batch.apply(events, requestId);
    if (commandId !== null) {
      team.batch.answers.add(command, commandId, outcome);
      if (events.length === 0) {
        processed.push({ identity: { teamId: command.teamId, commandId, digest: commandDigest(command) }, outcome });
        if (outcome.type === 'refused') team.ledger.refused.add(commandId);
      }
    }
    return replyOk(outcome);
  });
  return { replies, writes: writesOf([...batches.values()], processed) };
}

function teamBatchOf(
  batches: Map<string, TeamBatch>,
  teams: ReadonlyMap<string, TeamLedger>,
  teamId: string,
): { batch: TeamBatch; ledger: TeamLedger } {
  const ledger = teams.get(teamId);
  if (ledger === undefined) throw new Error(`Team ${teamId} was not loaded for its batch`);
  let batch = batches.get(teamId);
  if (batch === undefined) batches.set(teamId, (batch = new TeamBatch(ledger)));
  return { batch, ledger };
}

function writesOf(batches: readonly TeamBatch[], processed: ProcessedCommandRow[]): BatchWrites {
  const writes: BatchWrites = { appends: [], balances: [], spends: [], processed, unchanged: [] };
  for (const batch of batches) {
    const append = batch.append();
    const unchanged = batch.unchangedStream();
    const balance = batch.balanceRow();
    if (append !== null) writes.appends.push(append);
    if (unchanged !== null) writes.unchanged.push(unchanged);
    if (balance !== null) writes.balances.push(balance);
    writes.spends.push(...batch.spendRows());
  }
  return writes;
}
