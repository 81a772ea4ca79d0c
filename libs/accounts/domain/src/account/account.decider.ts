import { decideAccount } from './account.decide';
import { evolveAccount, replayAccount } from './account.evolve';
import { initialAccountState } from './account.state';

/** The account stream's decider in one value, as Emmett's command handlers expect it. */
export const accountDecider = {
  initialState: initialAccountState,
  decide: decideAccount,
  evolve: evolveAccount,
  replay: replayAccount,
} as const;
