import type { LedgerEvent } from '@subledger/contracts';
import { fold } from '@subledger/kernel';
import { ledgerDecider } from './ledger-decider';
import type { LedgerState } from './ledger-state';

/** The state of a team from its whole stream, oldest event first; `from` is changed in place. */
export function replay(events: Iterable<LedgerEvent>, from?: LedgerState): LedgerState {
  return fold(ledgerDecider, events, from);
}
