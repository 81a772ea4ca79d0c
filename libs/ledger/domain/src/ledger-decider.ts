import type { LedgerCommand, LedgerEvent } from '@subledger/contracts';
import type { MutatingDecider } from '@subledger/kernel';
import { decide } from './decide';
import { evolve } from './evolve';
import type { LedgerAnswer, LedgerRefusal } from './ledger-outcome';
import { initialState } from './ledger-state';
import type { LedgerState } from './ledger-state';

/**
 * The decider of a team's stream `team-<teamId>` (docs/architecture.md, "5. Layering", Deciders).
 * Its evolve changes the state in place, for the speed of the single writer.
 */
export const ledgerDecider: MutatingDecider<LedgerCommand, LedgerState, LedgerEvent, LedgerAnswer, LedgerRefusal> = {
  initialState,
  decide,
  evolve,
  evolveInPlace: true,
};
