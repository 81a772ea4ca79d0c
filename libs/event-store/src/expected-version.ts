import type { ExpectedVersion, StreamVersion } from './event-store.port';

export function expectedVersionMatches(expected: ExpectedVersion, actual: StreamVersion): boolean {
  if (typeof expected === 'bigint') return expected === actual;
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default: {
      const unknown: never = expected;
      throw new TypeError(`Unknown expected version ${String(unknown)}`);
    }
  }
}

/** The version of a stream after `count` more events. */
export function versionAfter(actual: StreamVersion, count: number): bigint {
  return (actual === 'no_stream' ? -1n : actual) + BigInt(count);
}
