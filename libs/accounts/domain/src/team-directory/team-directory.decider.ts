import type { AccountsRefusal, TeamDirectoryCommand, TeamDirectoryEvent } from '@subledger/contracts';
import type { Decider } from '@subledger/kernel';
import type { AccountsOutcome } from '../decision';
import { decideTeamDirectory } from './team-directory.decide';
import { evolveTeamDirectory } from './team-directory.evolve';
import { initialTeamDirectoryState, TeamDirectoryState } from './team-directory.state';

/** The team directory stream's decider (docs/architecture.md, "5. Layering", Deciders): its evolve copies. */
export const teamDirectoryDecider: Decider<
  TeamDirectoryCommand,
  TeamDirectoryState,
  TeamDirectoryEvent,
  AccountsOutcome,
  AccountsRefusal
> = {
  initialState: initialTeamDirectoryState,
  decide: decideTeamDirectory,
  evolve: evolveTeamDirectory,
  evolveInPlace: false,
};
