import type { RecordedEvent } from '@subledger/event-store';
import { ledgerEventOf } from '../team-state/team-stream';
import { HOUR_MS } from './bucket-length';

/** What one account did in one hour, as the events of one batch add it to the usage projection. */
export interface UsageDelta {
  readonly teamId: string;
  readonly accountId: string;
  /** Epoch ms of the hour's start. */
  readonly hourStart: number;
  charges: number;
  refunds: number;
  refusals: number;
  /** Charged less refunded, in micros. */
  spend: bigint;
}

const TEAM_STREAM = 'team-';
const COUNTED = new Set(['ChargeAccepted', 'ChargeRefused', 'ChargeRefunded']);

/**
 * Folds events read in global order into per-account, per-hour deltas: a charge counts and adds
 * its amount, a refund counts and takes its amount back (in the hour of the refund), a refusal
 * counts. Every other event, and every stream that is not a team's, is left out.
 */
export function foldUsage(events: readonly RecordedEvent[]): UsageDelta[] {
  const deltas = new Map<string, UsageDelta>();
  for (const recorded of events) {
    if (!recorded.streamId.startsWith(TEAM_STREAM) || !COUNTED.has(recorded.type)) continue;
    const event = ledgerEventOf(recorded.streamId, recorded.streamVersion, recorded.data);
    if (event.type !== 'ChargeAccepted' && event.type !== 'ChargeRefused' && event.type !== 'ChargeRefunded') continue;
    const teamId = recorded.streamId.slice(TEAM_STREAM.length);
    const hourStart = Math.floor(event.at / HOUR_MS) * HOUR_MS;
    const key = `${teamId}\u0000${event.accountId}\u0000${hourStart}`;
    let delta = deltas.get(key);
    if (delta === undefined)
      deltas.set(
        key,
        (delta = { teamId, accountId: event.accountId, hourStart, charges: 0, refunds: 0, refusals: 0, spend: 0n }),
      );
    if (event.type === 'ChargeAccepted') {
      delta.charges += 1;
      delta.spend += event.amount;
    } else if (event.type === 'ChargeRefunded') {
      delta.refunds += 1;
      delta.spend -= event.amount;
    } else {
      delta.refusals += 1;
    }
  }
  return [...deltas.values()];
}
