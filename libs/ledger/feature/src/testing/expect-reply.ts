import type { LedgerCommandReply, LedgerOutcome } from '@subledger/contracts';

/** The outcome of a reply that must be a decided one; fails the test otherwise. */
export function outcomeOf(reply: LedgerCommandReply): LedgerOutcome {
  if (!reply.ok) throw new Error(`Expected a decided outcome, got the refusal ${JSON.stringify(reply.refusal)}`);
  return reply.value;
}
