import { type ContractFixture, sampleEvents, uniqueStreamId } from './contract-subject';
import { expectWrongExpectedVersion } from './expect-wrong-expected-version';

export function describeAppendManyContract(fixture: ContractFixture): void {
  describe('appendMany', () => {
    it('appends to several streams and answers per stream, in request order', async () => {
      const { store } = fixture.subject;
      const [first, second] = [uniqueStreamId('many-a'), uniqueStreamId('many-b')];
      await store.append(second, sampleEvents(1), { expectedVersion: 'no_stream' });

      const results = await store.appendMany([
        { streamId: first, events: sampleEvents(2), expectedVersion: 'no_stream' },
        { streamId: second, events: sampleEvents(3), expectedVersion: 0n },
      ]);

      const [firstEvents, secondEvents] = [await store.readStream(first), await store.readStream(second)];
      expect(results).toEqual([
        { nextExpectedVersion: 1n, lastGlobalPosition: firstEvents[1].globalPosition },
        { nextExpectedVersion: 3n, lastGlobalPosition: secondEvents[3].globalPosition },
      ]);
    });

    it('refuses the same stream twice in one call and writes nothing', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('many-twice');
      const attempt = store.appendMany([
        { streamId, events: sampleEvents(1), expectedVersion: 'any' },
        { streamId, events: sampleEvents(1), expectedVersion: 'any' },
      ]);
      await expect(attempt).rejects.toThrow(TypeError);
      expect(await store.readStream(streamId)).toEqual([]);
    });

    it('with one wrong expected version, writes none of the batch where atomic, else the streams before it', async () => {
      const { store, appendManyIsAtomic } = fixture.subject;
      const [good, bad, after] = [
        uniqueStreamId('many-good'),
        uniqueStreamId('many-bad'),
        uniqueStreamId('many-after'),
      ];
      await store.append(bad, sampleEvents(1), { expectedVersion: 'no_stream' });

      const attempt = store.appendMany([
        { streamId: good, events: sampleEvents(2), expectedVersion: 'no_stream' },
        { streamId: bad, events: sampleEvents(1), expectedVersion: 'no_stream' },
        { streamId: after, events: sampleEvents(1), expectedVersion: 'no_stream' },
      ]);

      await expectWrongExpectedVersion(attempt, { streamId: bad, expected: 'no_stream', actual: 0n });
      expect(await store.readStream(bad)).toHaveLength(1);
      expect(await store.readStream(after)).toEqual([]);
      const expectedGood = appendManyIsAtomic ? 0 : 2;
      expect(await store.readStream(good)).toHaveLength(expectedGood);
    });
  });
}
