import type { LedgerOutcome } from '@subledger/contracts';
import { chargeRefusalError, ledgerRefusalError } from '../responses/refusal-table';

type OutcomeType = Exclude<LedgerOutcome['type'], 'refused' | 'charge_refused'>;

/**
 * The outcome a command was sent for, or the ApiError of its refusal. A refused charge is a named
 * outcome of its own (recorded on the team stream), mapped by the same table.
 */
export function expectOutcome<T extends OutcomeType>(
  outcome: LedgerOutcome,
  expected: T,
): Extract<LedgerOutcome, { type: T }> {
  if (outcome.type === 'refused') throw ledgerRefusalError(outcome.refusal);
  if (outcome.type === 'charge_refused') throw chargeRefusalError(outcome);
  if (outcome.type !== expected) {
    throw new TypeError(`The ledger answered ${outcome.type} where ${expected} was expected`);
  }
  return outcome as Extract<LedgerOutcome, { type: T }>;
}
