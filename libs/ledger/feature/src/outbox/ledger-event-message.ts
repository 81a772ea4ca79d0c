import type { LedgerEventType } from '@subledger/contracts';
import type { JsonObject, RecordedEvent } from '@subledger/event-store';
import { Headers } from '@subledger/messaging';

/** Headers of a message on `ledger.events`, beside the transport's own (`Headers`). */
export const LedgerEventHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  /**
   * The event contract's `schemaVersion`. Not `schema-version`: that header belongs to the
   * transport, which stamps it with the version of its wire format.
   */
  eventSchemaVersion: 'event-schema-version',
} as const;

/**
 * The value of a message on `ledger.events`: one committed ledger event as plain JSON. No field is
 * a bigint, so any JSON reader takes it as it is; counters and amounts are decimal strings.
 */
export interface LedgerEventMessage {
  eventId: string;
  teamId: string;
  streamId: string;
  /** 0-based version of the event in its team's stream; a consumer applies each version once, in order. */
  version: string;
  /** Position in the ledger's global log: increasing in the order the events were committed and published. */
  position: string;
  type: LedgerEventType;
  /** The event as stored: the contract's JSON (`@subledger/contracts`), micros as decimal strings. */
  data: JsonObject;
  /** When the event was committed, ISO 8601. */
  recordedAt: string;
  /** The team's currency, a lower-case ISO 4217 code ('usd'): the unit of every amount of the team. */
  currency: string;
  /**
   * The team's balance right after this event, in micros of `currency` (1,000,000 micros = 1 usd),
   * as a decimal string like the amounts in `data`. An event that moves no money repeats the
   * balance before it.
   */
  balanceAfter: string;
}

export interface OutgoingLedgerEvent {
  /** The team id: every event of a team lands on one partition, in order. */
  key: string;
  value: LedgerEventMessage;
  headers: Record<string, string>;
}

// Written out rather than derived so that adding an event type to the contract fails to compile here.
const LEDGER_EVENT_TYPES: Record<LedgerEventType, true> = {
  TeamOpened: true,
  TopUpRecorded: true,
  BalanceAdjusted: true,
  SpendPolicySet: true,
  ChargeAccepted: true,
  ChargeRefused: true,
  ChargeRefunded: true,
};

const TEAM_STREAM_PREFIX = 'team-';

/** The team of a `team-<id>` stream (the inverse of `teamStreamId`), or undefined for any other stream. */
export function teamIdOfStream(streamId: string): string | undefined {
  if (!streamId.startsWith(TEAM_STREAM_PREFIX) || streamId.length === TEAM_STREAM_PREFIX.length) return undefined;
  return streamId.slice(TEAM_STREAM_PREFIX.length);
}

export function isLedgerEventType(type: string): type is LedgerEventType {
  return Object.hasOwn(LEDGER_EVENT_TYPES, type);
}

/**
 * The team of a stored event, or undefined for an event that is not the ledger's: a service
 * sharing the database schema (the accounts service's `team-accounts-<id>` streams also start with
 * `team-`) writes events the relay passes over.
 */
export function teamOfLedgerEvent(event: Pick<RecordedEvent, 'streamId' | 'type'>): string | undefined {
  const teamId = teamIdOfStream(event.streamId);
  return teamId !== undefined && isLedgerEventType(event.type) ? teamId : undefined;
}

/**
 * The message for a stored event (undefined for one that is not the ledger's, see
 * `teamOfLedgerEvent`), given its team's currency. The balance after it is the one the ledger kept
 * in the event's metadata when it appended the event; an event without it means a damaged store
 * and throws, as the ledger's own reads do.
 */
export function ledgerEventMessage(event: RecordedEvent, currency: string): OutgoingLedgerEvent | undefined {
  const teamId = teamOfLedgerEvent(event);
  if (teamId === undefined || !isLedgerEventType(event.type)) return undefined;
  const { balanceAfter } = event.metadata;
  if (typeof balanceAfter !== 'string')
    throw new Error(`Event ${event.streamVersion} of ${event.streamId} carries no balanceAfter`);
  return {
    key: teamId,
    value: {
      eventId: event.id,
      teamId,
      streamId: event.streamId,
      version: event.streamVersion.toString(),
      position: event.globalPosition.toString(),
      type: event.type,
      data: event.data,
      recordedAt: event.recordedAt.toISOString(),
      currency,
      balanceAfter,
    },
    headers: headersOf(event),
  };
}

function headersOf(event: RecordedEvent): Record<string, string> {
  const headers: Record<string, string> = {
    [LedgerEventHeaders.eventId]: event.id,
    [LedgerEventHeaders.eventType]: event.type,
  };
  const { schemaVersion } = event.data;
  if (typeof schemaVersion === 'number' || typeof schemaVersion === 'string')
    headers[LedgerEventHeaders.eventSchemaVersion] = String(schemaVersion);
  const { causationId, correlationId } = event.metadata;
  if (typeof causationId === 'string') headers[Headers.causationId] = causationId;
  if (typeof correlationId === 'string') headers[Headers.correlationId] = correlationId;
  return headers;
}
