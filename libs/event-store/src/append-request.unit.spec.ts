import { assertValidAppends } from './append-request';

const event = { type: 'Noted', data: {} };

describe('assertValidAppends', () => {
  it('accepts distinct streams with events and versions from 0', () => {
    expect(() =>
      assertValidAppends([
        { streamId: 'a', events: [event], expectedVersion: 0n },
        { streamId: 'b', events: [event, event], expectedVersion: 'no_stream' },
      ]),
    ).not.toThrow();
  });

  it.each([
    ['an empty stream id', [{ streamId: '', events: [event], expectedVersion: 'any' as const }], TypeError],
    ['an append without events', [{ streamId: 'a', events: [], expectedVersion: 'any' as const }], TypeError],
    ['a negative expected version', [{ streamId: 'a', events: [event], expectedVersion: -1n }], RangeError],
    [
      'one stream twice',
      [
        { streamId: 'a', events: [event], expectedVersion: 'any' as const },
        { streamId: 'a', events: [event], expectedVersion: 'any' as const },
      ],
      TypeError,
    ],
  ])('refuses %s', (_case, appends, errorType) => {
    expect(() => assertValidAppends(appends)).toThrow(errorType);
  });
});
