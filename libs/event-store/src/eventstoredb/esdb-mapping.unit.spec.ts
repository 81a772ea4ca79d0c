import {
  ANY,
  NO_STREAM,
  type ResolvedEvent,
  STREAM_EXISTS,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedVersionError } from '../wrong-expected-version.error';
import {
  fromEsdbAppendError,
  fromEsdbCurrentRevision,
  fromEsdbResolvedEvent,
  toEsdbEventData,
  toEsdbExpectedRevision,
  toEsdbPosition,
} from './esdb-mapping';

function resolved(overrides: Record<string, unknown> = {}): ResolvedEvent {
  return {
    event: {
      streamId: 'team-1',
      id: '0b5d1c52-56a4-4bd5-a1fd-3bd2bca0f4a5',
      isJson: true,
      revision: 4n,
      type: 'FundsAdded',
      created: new Date('2026-01-02T03:04:05.000Z'),
      data: { amountMicros: '123456789012345678901' },
      metadata: { correlationId: 'c-1' },
      position: { commit: 900n, prepare: 900n },
      ...overrides,
    },
  } as unknown as ResolvedEvent;
}

describe('EventStoreDB mapping', () => {
  it('maps expected versions to revisions', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(7n)).toBe(7n);
  });

  it('maps current revisions to stream versions', () => {
    expect(fromEsdbCurrentRevision(NO_STREAM)).toBe('no_stream');
    expect(fromEsdbCurrentRevision(12n)).toBe(12n);
  });

  it('passes a given event id through and defaults metadata to an empty object', () => {
    const data = toEsdbEventData({ id: 'c7f0a7a2-6a8a-4d8e-b9a8-1d1a3c6b2e10', type: 'T', data: { a: '1' } });
    expect(data).toMatchObject({
      id: 'c7f0a7a2-6a8a-4d8e-b9a8-1d1a3c6b2e10',
      contentType: 'application/json',
      type: 'T',
      data: { a: '1' },
      metadata: {},
    });
    expect(toEsdbEventData({ type: 'T', data: {} }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('builds a read position from a global position', () => {
    expect(toEsdbPosition(42n)).toEqual({ commit: 42n, prepare: 42n });
  });

  it('turns the client conflict into ours with the actual version, and leaves other errors alone', () => {
    const conflict = new EsdbWrongExpectedVersionError(undefined, {
      streamName: 's',
      expected: NO_STREAM,
      current: 3n,
    } as never);
    const mapped = fromEsdbAppendError(conflict, 's', 'no_stream');
    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ streamId: 's', expected: 'no_stream', actual: 3n });
    const other = new Error('unavailable');
    expect(fromEsdbAppendError(other, 's', 'any')).toBe(other);
  });

  it('maps a recorded event with its commit position as global position', () => {
    expect(fromEsdbResolvedEvent(resolved())).toEqual({
      id: '0b5d1c52-56a4-4bd5-a1fd-3bd2bca0f4a5',
      streamId: 'team-1',
      type: 'FundsAdded',
      data: { amountMicros: '123456789012345678901' },
      metadata: { correlationId: 'c-1' },
      streamVersion: 4n,
      globalPosition: 900n,
      recordedAt: new Date('2026-01-02T03:04:05.000Z'),
    });
    expect(fromEsdbResolvedEvent(resolved({ metadata: undefined }))?.metadata).toEqual({});
  });

  it.each([
    ['a system stream', { streamId: '$stats-1' }],
    ['a system event type', { type: '$metadata' }],
    ['binary data', { isJson: false, data: new Uint8Array([1]) }],
    ['JSON that is not an object', { data: [1, 2] }],
  ])('hides %s', (_case, overrides) => {
    expect(fromEsdbResolvedEvent(resolved(overrides))).toBeUndefined();
  });

  it('hides a link without its event', () => {
    expect(fromEsdbResolvedEvent({ event: undefined } as ResolvedEvent)).toBeUndefined();
  });
});
