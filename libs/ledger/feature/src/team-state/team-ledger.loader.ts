import { evolve, initialState } from '@subledger/ledger-domain';
import { findRefusedCommandIds } from '../commands/processed-commands';
import type { LedgerStore } from '../store/ledger-store';
import type { LedgerTables } from '../store/ledger-tables';
import { NO_EVENTS, type TeamLedger } from './team-ledger';
import { recordedLedgerEvent, teamStreamId } from './team-stream';

// Loads of different teams overlap on a pool; PGlite runs them one after another anyway.
const CONCURRENT_LOADS = 8;

/**
 * A team's state folded from its whole stream, checked to follow one version after another without
 * a gap: folding a stream with a hole or out of order would corrupt the state silently.
 */
async function loadTeamLedger(store: LedgerStore, teamId: string, refusedCommandIds: Set<string>): Promise<TeamLedger> {
  const streamId = teamStreamId(teamId);
  const recorded = await store.readStream(streamId);
  const team: TeamLedger = { teamId, state: initialState(), version: NO_EVENTS, refusedCommandIds };
  for (const event of recorded) {
    if (event.streamVersion !== team.version + 1n) {
      throw new Error(`${streamId} holds version ${event.streamVersion} after ${team.version}: its events are not contiguous`);
    }
    evolve(team.state, recordedLedgerEvent(event));
    team.version = event.streamVersion;
  }
  return team;
}

/** The teams' states, each with the ids of its commands refused without an event. */
export async function loadTeamLedgers(store: LedgerStore, tables: LedgerTables, teamIds: readonly string[]): Promise<TeamLedger[]> {
  if (teamIds.length === 0) return [];
  const refused = await findRefusedCommandIds(store.sql, tables, teamIds);
  const loaded: TeamLedger[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < teamIds.length) {
      const teamId = teamIds[next++];
      loaded.push(await loadTeamLedger(store, teamId, refused.get(teamId) ?? new Set()));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_LOADS, teamIds.length) }, worker));
  return loaded;
}
