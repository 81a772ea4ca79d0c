import type { AccountsRefusal, FieldViolation, UnchangedReason } from '@subledger/contracts';

/**
 * What a decider answers. Only `accepted` carries events; the other outcomes append nothing, and
 * all three keep `events` so that a caller can append `decision.events` whatever the outcome.
 */
export type Decision<E> =
  | { readonly type: 'accepted'; readonly events: readonly E[] }
  | { readonly type: 'unchanged'; readonly reason: UnchangedReason; readonly events: readonly [] }
  | { readonly type: 'refused'; readonly refusal: AccountsRefusal; readonly events: readonly [] };

export function accepted<E>(...events: E[]): Decision<E> {
  return { type: 'accepted', events };
}

export function unchanged(reason: UnchangedReason): Decision<never> {
  return { type: 'unchanged', reason, events: [] };
}

export function refused(refusal: AccountsRefusal): Decision<never> {
  return { type: 'refused', refusal, events: [] };
}

export function invalid(violations: readonly FieldViolation[]): Decision<never> {
  return refused({ type: 'invalid', violations });
}
