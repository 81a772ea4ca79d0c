import type { AccountsOrderedRead, AccountsServiceRefusal } from '@subledger/contracts';
import { commandKindOf, type GatheredCommand, type LifecycleCommand } from './command-kinds';

export interface Indexed<T> {
  /** The position of the message in its batch, where its reply goes. */
  readonly index: number;
  readonly value: T;
}

/** A run of gathered commands committed together, or one lifecycle command alone. */
export type BatchStep =
  | { readonly kind: 'group'; readonly commands: readonly Indexed<GatheredCommand>[] }
  | { readonly kind: 'lifecycle'; readonly command: Indexed<LifecycleCommand> };

export interface CommandBatchPlan {
  /** The writes in partition order: each lifecycle command between the groups before and after it. */
  readonly steps: readonly BatchStep[];
  /** Ordered reads, answered once every step is committed. */
  readonly reads: readonly Indexed<AccountsOrderedRead>[];
  /** Payloads that are no command at all, answered at once. */
  readonly refused: readonly Indexed<AccountsServiceRefusal>[];
}

/**
 * Splits a batch of `accounts.commands` into what is committed together. Gathered commands run
 * until the next lifecycle command, which comes after them so that it sees them (a purge erases
 * the messages recorded just before it) and before the next run, which sees it (a record after a
 * new sub-account finds the account). Refused payloads do not interrupt a run.
 */
export function planCommandBatch(values: readonly unknown[]): CommandBatchPlan {
  const steps: BatchStep[] = [];
  const reads: Indexed<AccountsOrderedRead>[] = [];
  const refused: Indexed<AccountsServiceRefusal>[] = [];
  let group: Indexed<GatheredCommand>[] = [];
  values.forEach((value, index) => {
    const sorted = commandKindOf(value);
    switch (sorted.kind) {
      case 'gathered':
        group.push({ index, value: sorted.command });
        return;
      case 'lifecycle':
        if (group.length > 0) steps.push({ kind: 'group', commands: group });
        group = [];
        steps.push({ kind: 'lifecycle', command: { index, value: sorted.command } });
        return;
      case 'read':
        reads.push({ index, value: sorted.read });
        return;
      case 'refused':
        refused.push({ index, value: sorted.refusal });
        return;
    }
  });
  if (group.length > 0) steps.push({ kind: 'group', commands: group });
  return { steps, reads, refused };
}
