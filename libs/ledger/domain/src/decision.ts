import type { LedgerEvent } from '@subledger/contracts';
import type { CommandRefused, Decision, LedgerOutcome, LedgerRefusal } from './ledger-outcome';

export function refuse(refusal: LedgerRefusal): Decision {
  const outcome: CommandRefused = { type: 'refused', refusal };
  return { events: [], outcome };
}

export function answer(outcome: LedgerOutcome): Decision {
  return { events: [], outcome };
}

export function record(event: LedgerEvent, outcome: LedgerOutcome): Decision {
  return { events: [event], outcome };
}

/** Spreads `{ [key]: value }` only when the value is present, so events carry no undefined fields. */
export function optionalField<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
