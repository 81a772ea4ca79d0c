import { replyOk, replyRefused } from '@subledger/contracts';
import type { LedgerCommandReply, LedgerOutcome } from '@subledger/contracts';
import type { StreamAppend } from '@subledger/event-store';
import { decide } from '@subledger/ledger-domain';
import type { AccountSpendRow } from '../projections/account-spend.projection';
import type { TeamBalanceRow } from '../projections/team-balance.projection';
import type { TeamLedger } from '../team-state/team-ledger';
import { type CommandIdentity, identityKey } from './command-identity';
import type { CommandRead } from './ledger-command.reader';
import type { ProcessedCommandRow } from './processed-commands';
import { TeamBatch } from './team-batch';
import type { UnchangedStream } from './unchanged-streams';

export interface BatchWrites {
  readonly appends: StreamAppend[];
  readonly balances: TeamBalanceRow[];
  readonly spends: AccountSpendRow[];
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
 * Decides a batch in memory, in message order, against the teams' states (which it advances);
 * `identities` are the commands' identities, aligned with `reads`.
 * A command processed before, in an earlier delivery (`stored`) or earlier in this batch, gets
 * the outcome it got then and is not decided again.
 */
export function decideBatch(
  reads: readonly CommandRead[],
  identities: readonly (CommandIdentity | null)[],
  teams: ReadonlyMap<string, TeamLedger>,
  stored: ReadonlyMap<string, LedgerOutcome>,
): DecidedBatch {
  const outcomes = new Map(stored);
  const batches = new Map<string, TeamBatch>();
  const processed: ProcessedCommandRow[] = [];
  const replies = reads.map((read, i): LedgerCommandReply => {
    if (!read.ok) return replyRefused(read.refusal);
    const identity = identities[i];
    const key = identity === null ? null : identityKey(identity);
    const earlier = key === null ? undefined : outcomes.get(key);
    if (earlier !== undefined) return replyOk(earlier);
    const team = teamBatchOf(batches, teams, read.command.teamId);
    const { events, outcome } = decide(read.command, team.ledger.state);
    team.batch.apply(events);
    if (identity !== null) {
      outcomes.set(identityKey(identity), outcome);
      processed.push({ identity, outcome });
      if (outcome.type === 'refused') team.ledger.refusedCommandIds.add(identity.commandId);
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
