// An event id that the store already holds. SQL stores refuse it; EventStoreDB treats a repeated
// append of the same ids at the same expected version as the earlier success instead.
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';

  constructor(readonly eventId: string | undefined) {
    super(`Event id ${eventId ?? '(unknown)'} is already stored`);
  }
}
