import type { ExpectedVersion, StreamVersion } from './event-store.port';

// A concurrency conflict, not a fault: the caller reloads the stream and decides again.
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: StreamVersion,
  ) {
    super(`Stream ${streamId} expected at version ${String(expected)} but is at ${String(actual)}`);
  }
}
