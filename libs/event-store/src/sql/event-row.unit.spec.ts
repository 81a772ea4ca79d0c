import { recordedEventFromRow } from './event-row';

describe('recordedEventFromRow', () => {
  const row = {
    global_position: '9007199254740993',
    event_id: '6f1c8a5e-8d4e-4d3f-9a70-1f2b3c4d5e6f',
    stream_id: 'team-1',
    stream_version: '9007199254740995',
    type: 'FundsAdded',
    data: { amountMicros: '1' },
    metadata: {},
    recorded_at: '2026-01-02T03:04:05.678Z',
  };

  it('reads text bigints without rounding and dates from either a Date or a string', () => {
    const event = recordedEventFromRow(row);
    expect(event.globalPosition).toBe(9007199254740993n);
    expect(event.streamVersion).toBe(9007199254740995n);
    expect(event.recordedAt).toEqual(new Date('2026-01-02T03:04:05.678Z'));
    expect(recordedEventFromRow({ ...row, recorded_at: new Date(0) }).recordedAt).toEqual(new Date(0));
  });
});
