import { ACTIVITY_MINUTE_MS } from '@subledger/contracts';
import type { RecordedEvent } from '@subledger/event-store';
import { ledgerEventOf } from '../team-state/team-stream';

export type ActivityOutcome = 'accepted' | 'refunded' | 'refused';

/** How many charges of one outcome (and refusal reason) every team had in one minute of a batch. */
export interface ActivityDelta {
  /** Epoch ms of the minute's start. */
  readonly minuteStart: number;
  readonly outcome: ActivityOutcome;
  /** The refusal's reason; empty for the other outcomes. */
  readonly reason: string;
  count: number;
}

export interface ActivityFold {
  readonly deltas: ActivityDelta[];
  /** The latest minute a counted event fell in, undefined when none did. */
  readonly newestMinute: number | undefined;
}

const TEAM_STREAM = 'team-';
const COUNTED = new Set(['ChargeAccepted', 'ChargeRefused', 'ChargeRefunded']);

/**
 * Folds events read in global order into system-wide counts per minute of the event's time: charges
 * accepted, refunds (in the minute of the refund) and refusals by reason. Every other event, and
 * every stream that is not a team's, is left out.
 */
export function foldActivity(events: readonly RecordedEvent[]): ActivityFold {
  const deltas = new Map<string, ActivityDelta>();
  let newestMinute: number | undefined;
  for (const recorded of events) {
    if (!recorded.streamId.startsWith(TEAM_STREAM) || !COUNTED.has(recorded.type)) continue;
    const event = ledgerEventOf(recorded.streamId, recorded.streamVersion, recorded.data);
    if (event.type !== 'ChargeAccepted' && event.type !== 'ChargeRefused' && event.type !== 'ChargeRefunded') continue;
    const minuteStart = Math.floor(event.at / ACTIVITY_MINUTE_MS) * ACTIVITY_MINUTE_MS;
    const outcome: ActivityOutcome =
      event.type === 'ChargeAccepted' ? 'accepted' : event.type === 'ChargeRefunded' ? 'refunded' : 'refused';
    const reason = event.type === 'ChargeRefused' ? event.reason : '';
    const key = `${minuteStart}\u0000${outcome}\u0000${reason}`;
    const delta = deltas.get(key);
    if (delta === undefined) deltas.set(key, { minuteStart, outcome, reason, count: 1 });
    else delta.count += 1;
    if (newestMinute === undefined || minuteStart > newestMinute) newestMinute = minuteStart;
  }
  return { deltas: [...deltas.values()], newestMinute };
}
