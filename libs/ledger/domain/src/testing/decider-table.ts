import type { LedgerCommand, LedgerEvent } from '@subledger/contracts';
import { decide } from '../decide';
import type { LedgerOutcome } from '../ledger-outcome';
import { replay } from '../replay';

/** One given/when/then row: the stream so far, the command, and the decision it must produce. */
export interface DeciderRow {
  readonly name: string;
  readonly given: readonly LedgerEvent[];
  readonly when: LedgerCommand;
  readonly events: readonly LedgerEvent[];
  readonly outcome: LedgerOutcome;
}

/** One test per row; each also checks that decide left the state it was given untouched. */
export function runDeciderTable(rows: readonly DeciderRow[]): void {
  it.each(rows)('$name', (row) => {
    const state = replay(row.given);
    const before = structuredClone(state);

    const decision = decide(row.when, state);

    expect(decision.outcome).toStrictEqual(row.outcome);
    expect(decision.events).toStrictEqual(row.events);
    expect(state).toStrictEqual(before);
  });
}
