import type { ChargeAccepted, ChargeRefunded, ChargeRefused } from '@subledger/contracts';
import type { LedgerSnapshot } from './ledger-snapshot';

type Stored<E> = { readonly teamId: string; readonly version: bigint; readonly event: E };

/** Every event a charge id has in the ledger, whichever team's stream holds it. */
export interface ChargeHistory {
  readonly accepted: Stored<ChargeAccepted>[];
  readonly refused: Stored<ChargeRefused>[];
  readonly refunded: Stored<ChargeRefunded>[];
}

export function chargeHistories(snapshot: LedgerSnapshot): ReadonlyMap<string, ChargeHistory> {
  const histories = new Map<string, ChargeHistory>();
  const historyOf = (chargeId: string): ChargeHistory => {
    let history = histories.get(chargeId);
    if (history === undefined) histories.set(chargeId, (history = { accepted: [], refused: [], refunded: [] }));
    return history;
  };
  for (const { teamId, version, event } of snapshot.events) {
    if (event.type === 'ChargeAccepted') historyOf(event.chargeId).accepted.push({ teamId, version, event });
    if (event.type === 'ChargeRefused') historyOf(event.chargeId).refused.push({ teamId, version, event });
    if (event.type === 'ChargeRefunded') historyOf(event.chargeId).refunded.push({ teamId, version, event });
  }
  return histories;
}

export const NO_HISTORY: ChargeHistory = { accepted: [], refused: [], refunded: [] };

/** A short account of a charge's events for a failure message. */
export function describeHistory(history: ChargeHistory): string {
  const at = (stored: { teamId: string; version: bigint }) => `team-${stored.teamId}@${stored.version}`;
  return (
    [
      ...history.accepted.map((stored) => `ChargeAccepted ${stored.event.amount} micros at ${at(stored)}`),
      ...history.refused.map((stored) => `ChargeRefused ${stored.event.reason} at ${at(stored)}`),
      ...history.refunded.map((stored) => `ChargeRefunded at ${at(stored)}`),
    ].join('; ') || 'no event'
  );
}
