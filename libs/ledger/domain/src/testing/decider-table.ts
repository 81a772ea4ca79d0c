import type { LedgerCommand, LedgerEvent } from '@subledger/contracts';
import { decide } from '../decide';
import type { LedgerOutcome } from '../ledger-outcome';
import { forgetOldRecords, recallRecords } from '../record-memory';
import { replay } from '../replay';

/** One given/when/then row: the stream so far, the command, and the decision it must produce. */
export interface DeciderRow {
  readonly name: string;
  readonly given: readonly LedgerEvent[];
  /**
   * When present, the state has forgotten every record of `given` and holds only these, as a writer
   * holds a team whose old records it looked up in the store for the command.
   */
  readonly recalled?: readonly LedgerEvent[];
  readonly when: LedgerCommand;
  readonly events: readonly LedgerEvent[];
  readonly outcome: LedgerOutcome;
}

const NO_RECORDS = { charges: 0, topUps: 0, adjustments: 0 };

/** One test per row; each also checks that decide left the state it was given untouched. */
export function runDeciderTable(rows: readonly DeciderRow[]): void {
  it.each(rows)('$name', (row) => {
    const state = replay(row.given);
    if (row.recalled !== undefined) recallRecords(forgetOldRecords(state, NO_RECORDS), row.recalled);
    const before = structuredClone(state);

    const decision = decide(row.when, state);

    expect(decision.outcome).toStrictEqual(row.outcome);
    expect(decision.events).toStrictEqual(row.events);
    expect(state).toStrictEqual(before);
  });
}
