import { decodeOrThrow, ledgerEventCodec } from '@subledger/contracts';
import type { LedgerEvent } from '@subledger/contracts';
import type { EventData, JsonObject, RecordedEvent } from '@subledger/event-store';
import type { NumbersAfter } from '@subledger/ledger-domain';
import { teamEventId } from './team-event-ids';

export function teamStreamId(teamId: string): string {
  return `team-${teamId}`;
}

/**
 * The stored form of a ledger event. The numbers right after it ride in the metadata: the team's
 * balance (the running balance of the ledger's entries) and, for a charge or a refund, the
 * account's spend. With them the event is the whole record of its command's answer, which a
 * redelivery of the command gets again (`recordedOutcome`), at no extra row per event. The id of
 * the HTTP request the command was sent for, when it came with one, is the event's `correlationId`
 * (and the `correlation-id` header of its message on `ledger.events`).
 */
export function teamEventData(
  streamId: string,
  version: bigint,
  event: LedgerEvent,
  after: NumbersAfter,
  correlationId?: string,
): EventData {
  const metadata: JsonObject = { balanceAfter: after.balance.toString() };
  if (after.totalSpent !== undefined) metadata['totalSpentAfter'] = after.totalSpent.toString();
  if (correlationId !== undefined) metadata['correlationId'] = correlationId;
  return {
    id: teamEventId(streamId, event, version),
    type: event.type,
    data: ledgerEventCodec.encode(event),
    metadata,
  };
}

/** The numbers kept beside a stored event; metadata without them means a damaged store and throws. */
export function numbersAfterOf(recorded: Pick<RecordedEvent, 'streamId' | 'streamVersion' | 'metadata'>): NumbersAfter {
  const { balanceAfter, totalSpentAfter } = recorded.metadata;
  if (typeof balanceAfter !== 'string')
    throw new Error(`Event ${recorded.streamVersion} of ${recorded.streamId} carries no balanceAfter`);
  const balance = BigInt(balanceAfter);
  return typeof totalSpentAfter === 'string' ? { balance, totalSpent: BigInt(totalSpentAfter) } : { balance };
}

/** Reads a stored event back; a payload that is not a ledger event means a damaged store and throws. */
export function ledgerEventOf(streamId: string, version: bigint, data: unknown): LedgerEvent {
  return decodeOrThrow(ledgerEventCodec, data, `Event ${version} of ${streamId} is not a ledger event`);
}

export function recordedLedgerEvent(recorded: Pick<RecordedEvent, 'streamId' | 'streamVersion' | 'data'>): LedgerEvent {
  return ledgerEventOf(recorded.streamId, recorded.streamVersion, recorded.data);
}
