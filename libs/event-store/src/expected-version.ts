import type { StreamVersion } from './event-store.port';

/** The version of a stream after `count` more events. */
export function versionAfter(actual: StreamVersion, count: number): bigint {
  return (actual === 'no_stream' ? -1n : actual) + BigInt(count);
}
