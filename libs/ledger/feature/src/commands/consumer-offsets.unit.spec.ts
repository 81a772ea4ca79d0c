import type { Envelope } from '@subledger/messaging';
import { consumerOffsetsOf } from './consumer-offsets';

const at = (partition: number, offset: number): Envelope<unknown> => ({
  topic: 'ledger.commands',
  partition,
  offset,
  key: 'k',
  value: null,
  headers: {},
});

describe('consumer offsets of a batch', () => {
  it('resumes one past the last message of each partition', () => {
    expect(consumerOffsetsOf('ledger', [at(3, 7), at(3, 8), at(3, 9)])).toEqual([
      { group: 'ledger', topic: 'ledger.commands', partition: 3, nextOffset: 10 },
    ]);
  });

  it('keeps partitions apart and takes the highest offset of each', () => {
    expect(consumerOffsetsOf('ledger', [at(1, 4), at(2, 0), at(1, 2)])).toEqual([
      { group: 'ledger', topic: 'ledger.commands', partition: 1, nextOffset: 5 },
      { group: 'ledger', topic: 'ledger.commands', partition: 2, nextOffset: 1 },
    ]);
  });

  it('has nothing to record for an empty batch', () => {
    expect(consumerOffsetsOf('ledger', [])).toEqual([]);
  });
});
