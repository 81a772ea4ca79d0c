import { recallRecords } from '@subledger/ledger-domain';
import type { TeamLedger } from '../team-state/team-ledger';
import { lookUpEventIds } from '../team-state/team-event-ids';
import { teamStreamId } from '../team-state/team-stream';
import type { LedgerCommand } from '@subledger/contracts';
import { type CommandKey, commandIdOf } from './command-identity';
import type { CommandHistory, FoundEvent, HistoryLookUp } from './command-history';
import type { CommandRead } from './ledger-command.reader';

/**
 * `fast`: look up only the commands that may have an answer or a record in the store that memory
 * lacks; a fresh charge, nearly every command, needs none, because if memory forgot an earlier
 * charge under its id, the store refuses the second event with that id. `careful`: look up every
 * command, after the store refused such an event.
 */
export type DecisionMode = 'fast' | 'careful';

export function whatToLookUp(
  reads: readonly CommandRead[],
  teams: ReadonlyMap<string, TeamLedger>,
  mode: DecisionMode,
): HistoryLookUp {
  const eventIds: string[] = [];
  const commands: CommandKey[] = [];
  for (const read of reads) {
    if (!read.ok) continue;
    const { command } = read.value;
    const commandId = commandIdOf(command);
    const team = teams.get(command.teamId);
    if (commandId === null || team === undefined) continue;
    if (mode === 'fast' && !needsLookUp(command, commandId, team)) continue;
    eventIds.push(...lookUpEventIds(teamStreamId(command.teamId), command));
    commands.push({ teamId: command.teamId, commandId });
  }
  return { eventIds, commands };
}

/** Whether the store may hold an answer to this command, or the record it reads, that the team's memory lacks. */
export function needsLookUp(command: LedgerCommand, commandId: string, team: TeamLedger): boolean {
  if (team.refused.mayHold(commandId)) return true;
  const { state } = team;
  switch (command.type) {
    case 'OpenTeam':
      return state.team !== null;
    case 'ChargeMessage':
      return state.charges.has(command.chargeId);
    case 'RefundCharge':
      // A refund of a charge memory holds unrefunded is new; any other may be a repeat or need the record.
      return state.charges.get(command.chargeId)?.standing !== 'accepted';
    case 'TopUp':
    case 'Adjust':
      // Rare, and a new decision could end without an event (an overflow, a short balance), which
      // the store would not refuse: so always.
      return true;
    case 'SetSpendPolicy':
      return false;
    default: {
      const unknown: never = command;
      throw new Error(`Unknown ledger command ${JSON.stringify(unknown)}`);
    }
  }
}

/** Puts the records of the events found back into their teams' states, each team's in stream order. */
export function recallFound(teams: ReadonlyMap<string, TeamLedger>, history: CommandHistory): void {
  if (history.events.size === 0) return;
  const byStream = new Map<string, FoundEvent[]>();
  for (const found of history.events.values()) {
    const events = byStream.get(found.streamId) ?? [];
    events.push(found);
    byStream.set(found.streamId, events);
  }
  for (const team of teams.values()) {
    const found = byStream.get(teamStreamId(team.teamId));
    if (found === undefined) continue;
    found.sort((a, b) => (a.version < b.version ? -1 : 1));
    recallRecords(
      team.state,
      found.map((entry) => entry.event),
    );
  }
}
