import { KafkaMessage } from 'kafkajs';
import { decodeHeaders, nextOffset, toConsumedMessage, toKafkaMessage } from './kafka-message-mapping';

function record(overrides: Partial<KafkaMessage>): KafkaMessage {
  return {
    key: Buffer.from('team-1'),
    value: Buffer.from('{"a":1}'),
    timestamp: '1767225600000',
    attributes: 0,
    offset: '41',
    headers: {},
    ...overrides,
  } as KafkaMessage;
}

describe('toConsumedMessage', () => {
  it('keeps topic, partition, key, value and turns offset and timestamp into numbers', () => {
    const consumed = toConsumedMessage('ledger.commands', 3, record({}));

    expect(consumed).toEqual({
      topic: 'ledger.commands',
      partition: 3,
      offset: 41,
      key: 'team-1',
      value: Buffer.from('{"a":1}'),
      headers: {},
      timestamp: 1767225600000,
    });
  });

  it('maps a missing key and a tombstone value to empty ones', () => {
    const consumed = toConsumedMessage('t', 0, record({ key: null, value: null }));

    expect(consumed.key).toBe('');
    expect(consumed.value).toEqual(Buffer.alloc(0));
  });
});

describe('decodeHeaders', () => {
  it('decodes buffers and strings, keeps the last of repeated headers and drops undefined ones', () => {
    const headers = decodeHeaders({
      'correlation-id': Buffer.from('c-1'),
      'reply-to': 'ledger.replies',
      attempts: [Buffer.from('1'), Buffer.from('2')],
      absent: undefined,
    });

    expect(headers).toEqual({ 'correlation-id': 'c-1', 'reply-to': 'ledger.replies', attempts: '2' });
  });

  it('treats missing headers (old message format) as none', () => {
    expect(decodeHeaders(undefined)).toEqual({});
  });
});

describe('nextOffset', () => {
  it('is the offset after the processed one, exact beyond 2^53', () => {
    expect(nextOffset('0')).toBe('1');
    expect(nextOffset('9007199254740992')).toBe('9007199254740993');
  });
});

describe('toKafkaMessage', () => {
  it('passes key, value and headers through unchanged', () => {
    const value = Buffer.from([1, 2, 3]);

    expect(toKafkaMessage({ key: 'team-9', value, headers: { 'schema-version': '1' } })).toEqual({
      key: 'team-9',
      value,
      headers: { 'schema-version': '1' },
    });
  });
});
