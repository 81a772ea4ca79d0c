import type { RecordedEvent } from '../event-store.port';
import { type ContractFixture, sampleEvents, uniqueStreamId } from './contract-subject';

export function describeReadContract(fixture: ContractFixture): void {
  describe('readStream', () => {
    it('reads from a version and at most maxCount events', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('read-stream');
      await store.append(streamId, sampleEvents(5), { expectedVersion: 'no_stream' });

      const versions = (events: RecordedEvent[]) => events.map((e) => e.streamVersion);
      expect(versions(await store.readStream(streamId, { fromVersion: 2n }))).toEqual([2n, 3n, 4n]);
      expect(versions(await store.readStream(streamId, { fromVersion: 1n, maxCount: 2 }))).toEqual([1n, 2n]);
      expect(versions(await store.readStream(streamId, { fromVersion: 5n }))).toEqual([]);
      expect((await store.readStream(streamId, { maxCount: 1 }))[0].data).toEqual({ index: 0 });
    });

    it('orders a long stream by version as numbers, in pages too (version 10 after 9, not after 1)', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('read-long');
      await store.append(streamId, sampleEvents(25), { expectedVersion: 'no_stream' });
      const expected = Array.from({ length: 25 }, (_, i) => BigInt(i));
      expect((await store.readStream(streamId)).map((e) => e.streamVersion)).toEqual(expected);
      expect((await store.readStream(streamId, { fromVersion: 8n, maxCount: 4 })).map((e) => e.streamVersion)).toEqual([
        8n,
        9n,
        10n,
        11n,
      ]);
    });

    it('reads an empty list for a stream that does not exist', async () => {
      expect(await fixture.subject.store.readStream(uniqueStreamId('nothing'))).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('reads every stream in global order, from an inclusive position and at most maxCount events', async () => {
      const { store } = fixture.subject;
      const [a, b] = [uniqueStreamId('all-a'), uniqueStreamId('all-b')];
      const first = await store.append(a, sampleEvents(1, 'A0'), { expectedVersion: 'no_stream' });
      await store.append(b, sampleEvents(2, 'B'), { expectedVersion: 'no_stream' });
      await store.append(a, sampleEvents(1, 'A1'), { expectedVersion: 0n });

      const all = await store.readAll({ fromPosition: first.lastGlobalPosition });
      const ours = all.filter((e) => e.streamId === a || e.streamId === b);
      expect(ours.map((e) => e.type)).toEqual(['A0', 'B', 'B', 'A1']);
      expect(all[0].globalPosition).toBe(first.lastGlobalPosition);
      expectStrictlyIncreasing(all.map((e) => e.globalPosition));

      const page = await store.readAll({ fromPosition: first.lastGlobalPosition, maxCount: 2 });
      expect(page.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
      const rest = await store.readAll({ fromPosition: all[2].globalPosition, maxCount: 2 });
      expect(rest.map((e) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
    });

    it('orders more than ten events by global position as numbers, in pages too', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('all-long');
      const first = await store.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' });
      for (let version = 0n; version < 24n; version++)
        await store.append(streamId, sampleEvents(1), { expectedVersion: version });
      const ours = (await store.readAll({ fromPosition: first.lastGlobalPosition })).filter(
        (e) => e.streamId === streamId,
      );
      expect(ours.map((e) => e.streamVersion)).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i)));
      const page = await store.readAll({ fromPosition: ours[8].globalPosition, maxCount: 4 });
      expect(page.map((e) => e.globalPosition)).toEqual(ours.slice(8, 12).map((e) => e.globalPosition));
    });

    it('reads the same events through readAll as through readStream', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('all-same');
      const { lastGlobalPosition } = await store.append(streamId, sampleEvents(3), { expectedVersion: 'no_stream' });
      const fromStream = await store.readStream(streamId);
      const fromAll = (await store.readAll({ fromPosition: fromStream[0].globalPosition })).filter(
        (e) => e.streamId === streamId,
      );
      expect(fromAll).toEqual(fromStream);
      expect(fromAll[2].globalPosition).toBe(lastGlobalPosition);
    });
  });
}

function expectStrictlyIncreasing(positions: bigint[]): void {
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]));
}
