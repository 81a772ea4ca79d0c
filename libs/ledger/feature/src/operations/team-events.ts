import type { LedgerEvent } from '@subledger/contracts';
import type { RecordedEvent } from '@subledger/event-store';
import { isLedgerEventType, teamIdOfStream } from '../outbox/ledger-event-message';
import { recordedLedgerEvent } from '../team-state/team-stream';

export interface TeamEvent {
  readonly teamId: string;
  readonly recorded: RecordedEvent;
  readonly event: LedgerEvent;
}

/** The ledger's events of a page read in global order, decoded; other services' events sharing the schema are left out. */
export function teamEventsOf(page: readonly RecordedEvent[]): TeamEvent[] {
  const events: TeamEvent[] = [];
  for (const recorded of page) {
    const teamId = teamIdOfStream(recorded.streamId);
    if (teamId === undefined || !isLedgerEventType(recorded.type)) continue;
    events.push({ teamId, recorded, event: recordedLedgerEvent(recorded) });
  }
  return events;
}
