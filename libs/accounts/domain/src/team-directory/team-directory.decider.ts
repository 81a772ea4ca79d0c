import { decideTeamDirectory } from './team-directory.decide';
import { evolveTeamDirectory, replayTeamDirectory } from './team-directory.evolve';
import { initialTeamDirectoryState } from './team-directory.state';

/** The team directory stream's decider in one value, as Emmett's command handlers expect it. */
export const teamDirectoryDecider = {
  initialState: initialTeamDirectoryState,
  decide: decideTeamDirectory,
  evolve: evolveTeamDirectory,
  replay: replayTeamDirectory,
} as const;
