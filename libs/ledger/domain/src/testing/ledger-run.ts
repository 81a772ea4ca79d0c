import type { LedgerCommand, LedgerEvent } from '@subledger/contracts';
import { decide } from '../decide';
import { evolve } from '../evolve';
import type { LedgerDecision } from '../ledger-outcome';
import { initialState } from '../ledger-state';
import type { LedgerState, LedgerView } from '../ledger-state';
import type { LedgerStep } from './ledger-arbitraries';

export interface StepRecord {
  readonly command: LedgerCommand;
  readonly decision: LedgerDecision;
  /** The earlier step this one repeats exactly, when it is a repeat. */
  readonly repeats?: StepRecord;
}

export interface RunObserver {
  /** Sees each decision with the state it was made on, before its events are applied. */
  readonly decided?: (step: StepRecord, state: LedgerView) => void;
  /** Sees the state once the step's events are applied. */
  readonly applied?: (step: StepRecord, state: LedgerView) => void;
}

/** Decides and applies every step in turn, as the ledger consumer does, keeping what happened. */
export function runLedgerSteps(
  steps: readonly LedgerStep[],
  observer: RunObserver = {},
): { state: LedgerState; events: LedgerEvent[]; records: StepRecord[] } {
  let state = initialState();
  const events: LedgerEvent[] = [];
  const records: StepRecord[] = [];
  for (const step of steps) {
    const repeats = step.kind === 'repeat' ? repeated(records, step.back) : undefined;
    const command = step.kind === 'command' ? step.command : repeats?.command;
    if (command === undefined) continue;
    const record: StepRecord = { command, decision: decide(command, state), ...(repeats ? { repeats } : {}) };
    observer.decided?.(record, state);
    for (const event of record.decision.events) state = evolve(state, event);
    events.push(...record.decision.events);
    records.push(record);
    observer.applied?.(record, state);
  }
  return { state, events, records };
}

function repeated(records: readonly StepRecord[], back: number): StepRecord | undefined {
  return records.length === 0 ? undefined : records[records.length - 1 - (back % records.length)];
}
