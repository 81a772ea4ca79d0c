import type { LedgerEvent } from '@subledger/contracts';
import { evolve } from './evolve';
import { initialState } from './ledger-state';
import type { LedgerState } from './ledger-state';

/** The state of a team from its whole stream, oldest event first. */
export function replay(events: Iterable<LedgerEvent>, from: LedgerState = initialState()): LedgerState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}
