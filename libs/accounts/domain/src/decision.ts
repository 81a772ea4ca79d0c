import type { AccountsRefusal, FieldViolation, UnchangedReason } from '@subledger/contracts';
import { answered, type Decision, recorded, refused } from '@subledger/kernel';

/**
 * What an accounts decider answers when it acts: `accepted` with the events it records, or
 * `unchanged` when the command asks for what is already true (nothing is recorded). A refusal is
 * the kernel's `{ type: 'refused', refusal }` outcome (docs/architecture.md, "5. Layering", Deciders).
 */
export type AccountsOutcome =
  { readonly type: 'accepted' } | { readonly type: 'unchanged'; readonly reason: UnchangedReason };

export type AccountsDecision<E> = Decision<E, AccountsOutcome, AccountsRefusal>;

const ACCEPTED: AccountsOutcome = { type: 'accepted' };

export function accepted<E>(...events: E[]): AccountsDecision<E> {
  return recorded(events, ACCEPTED);
}

export function unchanged(reason: UnchangedReason): AccountsDecision<never> {
  return answered({ type: 'unchanged', reason });
}

export function invalid(violations: readonly FieldViolation[]): AccountsDecision<never> {
  return refused<AccountsRefusal>({ type: 'invalid', violations });
}
