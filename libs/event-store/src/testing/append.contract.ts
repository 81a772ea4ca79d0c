import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../wrong-expected-version.error';
import { type ContractFixture, sampleEvents, uniqueStreamId } from './contract-subject';
import { expectWrongExpectedVersion } from './expect-wrong-expected-version';

export function describeAppendContract(fixture: ContractFixture): void {
  describe('append and read back', () => {
    it('round-trips ids, types, JSON data with bigint strings, metadata, versions and positions', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('round-trip');
      const ids = [randomUUID(), randomUUID()];
      const data = { amountMicros: '123456789012345678901234567890', nested: { list: [1, 'two', null, true] } };
      const result = await store.append(
        streamId,
        [
          { id: ids[0], type: 'FundsAdded', data, metadata: { correlationId: 'c-1' } },
          { id: ids[1], type: 'FundsSpent', data: { amountMicros: '-5' } },
        ],
        { expectedVersion: 'no_stream' },
      );

      const events = await store.readStream(streamId);
      expect(events.map((e) => [e.id, e.streamId, e.type, e.streamVersion])).toEqual([
        [ids[0], streamId, 'FundsAdded', 0n],
        [ids[1], streamId, 'FundsSpent', 1n],
      ]);
      expect(events[0].data).toEqual(data);
      expect(events[0].metadata).toEqual({ correlationId: 'c-1' });
      expect(events[1].metadata).toEqual({});
      expect(events[0].recordedAt).toBeInstanceOf(Date);
      expect(events[1].globalPosition).toBeGreaterThan(events[0].globalPosition);
      expect(result).toEqual({ nextExpectedVersion: 1n, lastGlobalPosition: events[1].globalPosition });
    });

    it('round-trips text that must be escaped: quotes, backslashes, line breaks, control characters, emoji', async () => {
      const { store } = fixture.subject;
      const awkward = 'a "quote", a \\ backslash, a \\" pair, {braces}, a comma, a\nline, a\ttab, \u0001, NULL, é, 😀';
      const streamId = uniqueStreamId(`escape-"\\-{x}`);
      await store.append(
        streamId,
        [
          { type: 'Noted "x"\\', data: { text: awkward, [awkward]: [awkward] }, metadata: { by: awkward } },
          { type: `Type\nwith a break`, data: {} },
        ],
        { expectedVersion: 'no_stream' },
      );
      const events = await store.readStream(streamId);
      expect(events.map((e) => [e.streamId, e.type, e.data, e.metadata])).toEqual([
        [streamId, 'Noted "x"\\', { text: awkward, [awkward]: [awkward] }, { by: awkward }],
        [streamId, 'Type\nwith a break', {}, {}],
      ]);
    });

    it('gives an event without an id a fresh uuid', async () => {
      const streamId = uniqueStreamId('generated-id');
      await fixture.subject.store.append(
        streamId,
        [
          { type: 'Noted', data: {} },
          { type: 'Noted', data: {} },
        ],
        {
          expectedVersion: 'any',
        },
      );
      const [first, second] = await fixture.subject.store.readStream(streamId);
      expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(second.id).not.toBe(first.id);
    });

    it('refuses an append without events and a negative expected version before writing', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('invalid');
      await expect(store.append(streamId, [], { expectedVersion: 'any' })).rejects.toThrow(TypeError);
      await expect(store.append(streamId, sampleEvents(1), { expectedVersion: -1n })).rejects.toThrow(RangeError);
      expect(await store.readStream(streamId)).toEqual([]);
    });
  });

  describe('expected versions', () => {
    it('accepts no_stream only for a new stream', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('no-stream');
      await store.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' });
      await expectWrongExpectedVersion(store.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' }), {
        streamId,
        expected: 'no_stream',
        actual: 0n,
      });
    });

    it('accepts the exact version of the last event and refuses a stale one, reporting the actual', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('exact');
      await store.append(streamId, sampleEvents(2), { expectedVersion: 'no_stream' });
      const result = await store.append(streamId, sampleEvents(1), { expectedVersion: 1n });
      expect(result.nextExpectedVersion).toBe(2n);
      await expectWrongExpectedVersion(store.append(streamId, sampleEvents(1), { expectedVersion: 1n }), {
        streamId,
        expected: 1n,
        actual: 2n,
      });
      await expectWrongExpectedVersion(store.append(streamId, sampleEvents(1), { expectedVersion: 7n }), {
        streamId,
        expected: 7n,
        actual: 2n,
      });
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('refuses an exact version and stream_exists for a stream that does not exist', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('missing');
      await expectWrongExpectedVersion(store.append(streamId, sampleEvents(1), { expectedVersion: 0n }), {
        streamId,
        expected: 0n,
        actual: 'no_stream',
      });
      await expectWrongExpectedVersion(store.append(streamId, sampleEvents(1), { expectedVersion: 'stream_exists' }), {
        streamId,
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      expect(await store.readStream(streamId)).toEqual([]);
    });

    it('accepts stream_exists for an existing stream and any in every case', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('exists-any');
      await store.append(streamId, sampleEvents(1), { expectedVersion: 'any' });
      await store.append(streamId, sampleEvents(1), { expectedVersion: 'stream_exists' });
      const result = await store.append(streamId, sampleEvents(2), { expectedVersion: 'any' });
      expect(result.nextExpectedVersion).toBe(3n);
      expect((await store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([0n, 1n, 2n, 3n]);
    });
  });

  describe('concurrent writers', () => {
    it.each([1, 2, 3, 4, 5])('let exactly one of two racing appends at the same version win (round %i)', async () => {
      const { store, rival } = fixture.subject;
      const streamId = uniqueStreamId('race');
      await store.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' });

      const outcomes = await Promise.allSettled([
        store.append(streamId, sampleEvents(2, 'Left'), { expectedVersion: 0n }),
        rival.append(streamId, sampleEvents(2, 'Right'), { expectedVersion: 0n }),
      ]);

      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toBeInstanceOf(WrongExpectedVersionError);
      expect(losers[0]).toMatchObject({ streamId, expected: 0n, actual: 2n });
      const types = new Set((await store.readStream(streamId, { fromVersion: 1n })).map((e) => e.type));
      expect(types.size).toBe(1);
    });

    it('lets exactly one of two racing creations of a new stream win', async () => {
      const { store, rival } = fixture.subject;
      const streamId = uniqueStreamId('race-new');
      const outcomes = await Promise.allSettled([
        store.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' }),
        rival.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });
  });
}
