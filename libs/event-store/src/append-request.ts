import type { StreamAppend } from './event-store.port';

// Programming errors, not conflicts: they throw at once, before anything reaches the backend.
export function assertValidAppends(appends: readonly StreamAppend[]): void {
  const seen = new Set<string>();
  for (const { streamId, events, expectedVersion } of appends) {
    if (streamId.length === 0) throw new TypeError('A stream id must not be empty');
    if (seen.has(streamId)) throw new TypeError(`Stream ${streamId} appears twice in one appendMany: merge its events`);
    if (events.length === 0) throw new TypeError(`Append to ${streamId} holds no events`);
    if (typeof expectedVersion === 'bigint' && expectedVersion < 0n) {
      throw new RangeError(`Expected version of ${streamId} must be >= 0 or no_stream, got ${expectedVersion}`);
    }
    seen.add(streamId);
  }
}
