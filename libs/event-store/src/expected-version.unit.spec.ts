import type { ExpectedVersion, StreamVersion } from './event-store.port';
import { expectedVersionMatches, versionAfter } from './expected-version';

describe('expectedVersionMatches', () => {
  it.each<[ExpectedVersion, StreamVersion, boolean]>([
    ['any', 'no_stream', true],
    ['any', 3n, true],
    ['no_stream', 'no_stream', true],
    ['no_stream', 0n, false],
    ['stream_exists', 'no_stream', false],
    ['stream_exists', 0n, true],
    [0n, 0n, true],
    [0n, 'no_stream', false],
    [2n, 3n, false],
    [3n, 2n, false],
  ])('expected %p against actual %p -> %p', (expected, actual, matches) => {
    expect(expectedVersionMatches(expected, actual)).toBe(matches);
  });
});

describe('versionAfter', () => {
  it('counts from -1 for a new stream and from the last version otherwise', () => {
    expect(versionAfter('no_stream', 1)).toBe(0n);
    expect(versionAfter('no_stream', 3)).toBe(2n);
    expect(versionAfter(4n, 2)).toBe(6n);
  });
});
