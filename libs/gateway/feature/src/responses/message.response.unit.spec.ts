import { messageView } from './testing/views';
import { toMessage } from './message.response';

describe('message object', () => {
  it('has the docs/contract.md §5 fields, costs in USD from exact micros and costProvider 0', () => {
    expect(toMessage(messageView({ cost: 7_900n, metadata: { order: '42' } }))).toEqual({
      id: 'msg_1',
      to: '+14155550100',
      channel: 'sms',
      messageType: 'text',
      status: 'queued',
      direction: 'outbound',
      text: 'Hello',
      metadata: { order: '42' },
      cost: 0.0079,
      costProvider: 0,
      costTotal: 0.0079,
      createdAt: '2026-01-01T12:30:00.000Z',
      updatedAt: '2026-01-01T12:30:00.000Z',
    });
  });

  it('prices a multi-segment message exactly, never as a float sum', () => {
    expect(toMessage(messageView({ cost: 3n * 7_900n })).cost).toBe(0.0237);
  });

  it('leaves out a text and metadata the message does not have, and shows an error code once failed', () => {
    const message = toMessage(messageView({ text: null, status: 'failed', errorCode: 'CARRIER_REJECTED' }));
    expect(message).not.toHaveProperty('text');
    expect(message).not.toHaveProperty('metadata');
    expect(message).toMatchObject({ status: 'failed', errorCode: 'CARRIER_REJECTED' });
  });
});
