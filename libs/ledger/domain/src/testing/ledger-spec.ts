import type { LedgerEvent } from '@subledger/contracts';
import { deciderSpec } from '@subledger/kernel/testing';
import { ledgerDecider } from '../ledger-decider';
import type { LedgerState } from '../ledger-state';
import { forgetOldRecords, recallRecords } from '../record-memory';
import { replay } from '../replay';

/** Given/when/then on a team's stream: `ledgerSpec.given(events).when(command).then(events, outcome)`. */
export const ledgerSpec = deciderSpec(ledgerDecider);

const NO_RECORDS = { charges: 0, topUps: 0, adjustments: 0 };

/**
 * For `ledgerSpec.givenState`: the state of `given` that has forgotten every record and holds only
 * `recalled`, as a writer holds a team whose old records it looked up in the store for the command.
 */
export function recalling(given: readonly LedgerEvent[], recalled: readonly LedgerEvent[]): () => LedgerState {
  return () => {
    const state = replay(given);
    recallRecords(forgetOldRecords(state, NO_RECORDS), recalled);
    return state;
  };
}
