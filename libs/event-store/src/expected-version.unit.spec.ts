import { versionAfter } from './expected-version';

describe('versionAfter', () => {
  it('counts from -1 for a new stream and from the last version otherwise', () => {
    expect(versionAfter('no_stream', 1)).toBe(0n);
    expect(versionAfter('no_stream', 3)).toBe(2n);
    expect(versionAfter(4n, 2)).toBe(6n);
  });
});
