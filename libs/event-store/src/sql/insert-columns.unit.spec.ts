import { insertColumns } from './insert-columns';

describe('insertColumns', () => {
  it('numbers each stream on from its actual version and serialises data and metadata as JSON, each column one array literal', () => {
    const ids = ['generated-1'];
    const columns = insertColumns(
      [
        { streamId: 'new', events: [{ id: 'given', type: 'A', data: { amount: '10' } }, { type: 'B', data: {} }], expectedVersion: 'no_stream' },
        { streamId: 'old', events: [{ id: 'x', type: 'C', data: { n: 1 }, metadata: { by: 'me' } }], expectedVersion: 4n },
      ],
      new Map([['old', 4n]]),
      () => ids.shift() as string,
    );
    expect(columns).toEqual([
      '{"given","generated-1","x"}',
      '{"new","new","old"}',
      '{"0","1","5"}',
      '{"A","B","C"}',
      '{"{\\"amount\\":\\"10\\"}","{}","{\\"n\\":1}"}',
      '{"{}","{}","{\\"by\\":\\"me\\"}"}',
    ]);
  });
});
