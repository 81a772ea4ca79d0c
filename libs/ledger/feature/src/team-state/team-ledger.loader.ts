import { evolve } from '@subledger/ledger-domain';
import type { LedgerStore } from '../store/ledger-store';
import type { LedgerTables } from '../store/ledger-tables';
import type { RefusedCommandIds } from './refused-command-ids';
import { findRefusedCommandIds } from './stored-refused-command-ids';
import type { TeamLedger } from './team-ledger';
import { teamEventId } from './team-event-ids';
import { forgetOldRecordsOf, newTeamLedger, type TeamMemoryLimits } from './team-memory';
import { recordedLedgerEvent, teamStreamId } from './team-stream';

// Loads of different teams overlap on a pool; PGlite runs them one after another anyway.
const CONCURRENT_LOADS = 8;
// A long stream is folded with its old records dropped every so many events, so that loading a
// team never holds its whole history in memory.
const FORGET_EVERY = 1_000;

/**
 * A team's state folded from its whole stream, checked to follow one version after another without
 * a gap: folding a stream with a hole or out of order would corrupt the state silently.
 */
async function loadTeamLedger(
  store: LedgerStore,
  teamId: string,
  refused: RefusedCommandIds,
  limits: TeamMemoryLimits,
): Promise<TeamLedger> {
  const streamId = teamStreamId(teamId);
  const recorded = await store.readStream(streamId);
  const team: TeamLedger = { ...newTeamLedger(teamId, limits), refused };
  for (const event of recorded) {
    if (event.streamVersion !== team.version + 1n) {
      throw new Error(
        `${streamId} holds version ${event.streamVersion} after ${team.version}: its events are not contiguous`,
      );
    }
    const ledgerEvent = recordedLedgerEvent(event);
    if (event.streamVersion === 0n && event.id !== teamEventId(streamId, ledgerEvent, 0n)) keepEveryRecord(team);
    evolve(team.state, ledgerEvent);
    team.version = event.streamVersion;
    if (team.version % BigInt(FORGET_EVERY) === 0n) forgetOldRecordsOf(team, limits);
  }
  forgetOldRecordsOf(team, limits);
  return team;
}

/**
 * A stream begun before event ids were derived from command ids (its first event has the id of its
 * version): its commands' answers are all in the processed commands table, and its records cannot be
 * found by id. Such a team keeps every record in memory and looks every command's answer up.
 */
function keepEveryRecord(team: TeamLedger): void {
  team.keepsEveryRecord = true;
  team.refused.forgetAll();
}

/** The teams' states, each with the ids of its commands refused without an event. */
export async function loadTeamLedgers(
  store: LedgerStore,
  tables: LedgerTables,
  teamIds: readonly string[],
  limits: TeamMemoryLimits,
): Promise<TeamLedger[]> {
  if (teamIds.length === 0) return [];
  const refused = await findRefusedCommandIds(store.sql, tables, teamIds, limits.refusedIds);
  const loaded: TeamLedger[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < teamIds.length) {
      const teamId = teamIds[next++];
      loaded.push(await loadTeamLedger(store, teamId, refused.get(teamId) as RefusedCommandIds, limits));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_LOADS, teamIds.length) }, worker));
  return loaded;
}
