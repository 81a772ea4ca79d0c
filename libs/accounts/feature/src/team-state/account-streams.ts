import {
  type AccountEvent,
  accountEventCodec,
  decodeOrThrow,
  type UnionCodec,
  type TeamDirectoryEvent,
  teamDirectoryEventCodec,
} from '@subledger/contracts';
import type { EventData, RecordedEvent } from '@subledger/event-store';

/** The team directory: one main account, unique external ids, the last active project. */
export const teamDirectoryStream = (teamId: string): string => `team-accounts-${teamId}`;

/** One project (main or sub-account): its fields, lifecycle and keys. */
export const accountStream = (accountId: string): string => `account-${accountId}`;

/** The event's `type` goes to the event store's type column, the other fields to its data. */
export function eventDataOf<E extends { type: string }>(codec: UnionCodec<E>, event: E): EventData {
  const { type, ...data } = codec.encode(event);
  return { type: type as string, data };
}

/**
 * Reads a stored event back. Every event was written by this service through the same codec, so
 * one that does not decode means a broken store or a missing upcaster: it throws, and the command
 * is retried rather than decided on a partial history.
 */
export function decodeStored<E>(codec: UnionCodec<E>, recorded: Pick<RecordedEvent, 'type' | 'data' | 'streamId'>): E {
  return decodeOrThrow(
    codec,
    { ...recorded.data, type: recorded.type },
    `Undecodable ${recorded.type} event in ${recorded.streamId}`,
  );
}

export const accountEvents = {
  encode: (event: AccountEvent): EventData => eventDataOf(accountEventCodec, event),
  decode: (recorded: Pick<RecordedEvent, 'type' | 'data' | 'streamId'>): AccountEvent =>
    decodeStored(accountEventCodec, recorded),
};

export const teamDirectoryEvents = {
  encode: (event: TeamDirectoryEvent): EventData => eventDataOf(teamDirectoryEventCodec, event),
  decode: (recorded: Pick<RecordedEvent, 'type' | 'data' | 'streamId'>): TeamDirectoryEvent =>
    decodeStored(teamDirectoryEventCodec, recorded),
};
