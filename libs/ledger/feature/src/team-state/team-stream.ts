import { hash } from 'node:crypto';
import { decodeLedgerEvent, encodeLedgerEvent } from '@subledger/contracts';
import type { LedgerEvent } from '@subledger/contracts';
import type { EventData, JsonObject, RecordedEvent } from '@subledger/event-store';
import type { Micros } from '@subledger/money';

export function teamStreamId(teamId: string): string {
  return `team-${teamId}`;
}

/**
 * A uuid (version 8, "custom") derived from the stream and version: the same event written twice
 * carries the same id, so a second write of an already committed batch is refused by the store
 * (and deduplicated by EventStoreDB) instead of slipping in as a copy.
 */
export function teamEventId(streamId: string, version: bigint): string {
  const hex = hash('sha256', `${streamId}\u0000${version}`, 'hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The stored form of a ledger event. The team balance after the event rides in the metadata: the
 * ledger's entries list shows a running balance, and reading it there costs no extra row per event.
 */
export function teamEventData(streamId: string, version: bigint, event: LedgerEvent, balanceAfter: Micros): EventData {
  return {
    id: teamEventId(streamId, version),
    type: event.type,
    data: encodeLedgerEvent(event) as JsonObject,
    metadata: { balanceAfter: balanceAfter.toString() },
  };
}

/** Reads a stored event back; a payload that is not a ledger event means a damaged store and throws. */
export function ledgerEventOf(streamId: string, version: bigint, data: unknown): LedgerEvent {
  const decoded = decodeLedgerEvent(data);
  if (!decoded.ok) throw new Error(`Event ${version} of ${streamId} is not a ledger event: ${decoded.error.message}`);
  return decoded.value;
}

export function recordedLedgerEvent(recorded: RecordedEvent): LedgerEvent {
  return ledgerEventOf(recorded.streamId, recorded.streamVersion, recorded.data);
}
