import type { AccountCommand, AccountEvent, AccountsRefusal } from '@subledger/contracts';
import type { Decider } from '@subledger/kernel';
import type { AccountsOutcome } from '../decision';
import { decideAccount } from './account.decide';
import { evolveAccount } from './account.evolve';
import { AccountState, initialAccountState } from './account.state';

/** The account stream's decider (docs/architecture.md, "5. Layering", Deciders): its evolve copies. */
export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent, AccountsOutcome, AccountsRefusal> = {
  initialState: initialAccountState,
  decide: decideAccount,
  evolve: evolveAccount,
  evolveInPlace: false,
};
