import {
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { readEsdbAll, readEsdbStream } from './esdb-reads';

// 1,200 records at positions 100, 200, ...; every third one is a system event, every third a binary one.
const log = Array.from({ length: 1200 }, (_, index) => {
  const position = BigInt((index + 1) * 100);
  const streamId = index % 3 === 1 ? '$stats' : index % 3 === 2 ? 'team-binary' : 'team-1';
  return {
    event: {
      streamId,
      id: `id-${index}`,
      isJson: streamId !== 'team-binary',
      revision: BigInt(index),
      type: streamId === '$stats' ? '$statsCollected' : 'Fine',
      created: new Date(0),
      data: streamId === 'team-binary' ? new Uint8Array([1]) : {},
      metadata: {},
      position: { commit: position, prepare: position },
    },
  };
});

const client = {
  readAll: ({ fromPosition, maxCount }: { fromPosition: ReadPosition; maxCount: number }) => {
    const from = fromPosition === START ? 0n : (fromPosition as Position).commit;
    return (async function* () {
      yield* log.filter((record) => record.event.position.commit >= from).slice(0, maxCount);
    })();
  },
  readStream: () =>
    (async function* () {
      yield* [];
      throw new StreamNotFoundError(undefined, 'missing');
    })(),
} as unknown as EventStoreDBClient;

describe('EventStoreDB reads', () => {
  it('reads all of our events across pages, without system and binary events', async () => {
    const events = await readEsdbAll(client);
    expect(events).toHaveLength(400);
    expect(events.every((e) => e.streamId === 'team-1')).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(400);
    expect(events[399].globalPosition).toBe(119800n);
  });

  it('fills maxCount from an inclusive position, reading past pages that hidden events thin out', async () => {
    const events = await readEsdbAll(client, { fromPosition: 400n, maxCount: 300 });
    expect(events.map((e) => e.globalPosition).slice(0, 2)).toEqual([400n, 700n]);
    expect(events).toHaveLength(300);
    expect(await readEsdbAll(client, { maxCount: 0 })).toEqual([]);
  });

  it('reads an empty list for a stream that does not exist', async () => {
    expect(await readEsdbStream(client, 'missing')).toEqual([]);
  });
});
