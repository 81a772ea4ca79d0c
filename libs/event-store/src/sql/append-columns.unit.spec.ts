import { appendColumns } from './append-columns';

describe('appendColumns', () => {
  it('lists the events in the order given with data and metadata as JSON, then each stream with its expected version, each column one array literal', () => {
    const ids = ['generated-1'];
    const columns = appendColumns(
      [
        {
          streamId: 'new',
          events: [
            { id: 'given', type: 'A', data: { amount: '10' } },
            { type: 'B', data: {} },
          ],
          expectedVersion: 'no_stream',
        },
        {
          streamId: 'old',
          events: [{ id: 'x', type: 'C', data: { n: 1 }, metadata: { by: 'me' } }],
          expectedVersion: 4n,
        },
        { streamId: 'any', events: [{ id: 'y', type: 'D', data: {} }], expectedVersion: 'any' },
      ],
      () => ids.shift() as string,
    );
    expect(columns).toEqual([
      '{"given","generated-1","x","y"}',
      '{"new","new","old","any"}',
      '{"A","B","C","D"}',
      '{"{\\"amount\\":\\"10\\"}","{}","{\\"n\\":1}","{}"}',
      '{"{}","{}","{\\"by\\":\\"me\\"}","{}"}',
      '{"new","old","any"}',
      '{"no_stream","4","any"}',
    ]);
  });
});
