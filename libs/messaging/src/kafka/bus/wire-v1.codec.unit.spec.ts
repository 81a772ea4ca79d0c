import { decodeValue, encodeValue } from './wire-v1.codec';
import { MessageDecodeError, MessageEncodeError } from './message-codec.error';

describe('wire format 1 (bigints tagged), read for one release', () => {
  it('reads back nested objects, arrays, bigints, null, strings, numbers and booleans exactly', () => {
    const value = {
      teamId: 'team-1',
      amountMicros: 12_345_678_901_234_567_890n,
      negative: -5n,
      zero: 0n,
      lines: [{ micros: 1n, note: null }, [2n, 'x', true, 3.5]],
      nested: { deeper: { flag: false, count: 0 } },
    };

    expect(decodeValue(Buffer.from(encodeValue(value)))).toEqual(value);
  });

  it('tags a bigint as {"$bigint": digits} so any JSON reader sees it as a string, not a rounded number', () => {
    expect(encodeValue({ a: 9007199254740993n })).toBe('{"a":{"$bigint":"9007199254740993"}}');
    expect(decodeValue('{"$bigint":"-42"}')).toBe(-42n);
  });

  it('drops undefined properties, as JSON does, and keeps top-level scalars', () => {
    expect(decodeValue(encodeValue({ a: undefined, b: 1 }))).toEqual({ b: 1 });
    expect(decodeValue(encodeValue(null))).toBeNull();
    expect(decodeValue(encodeValue(7n))).toBe(7n);
  });

  it.each([
    ['a class instance', { at: new Date(0) }],
    ['a Map', new Map()],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a function', { f: () => 1 }],
    ['an object using the reserved tag', { nested: { $bigint: '1' } }],
  ])('refuses %s with MessageEncodeError', (_what, value) => {
    expect(() => encodeValue(value)).toThrow(MessageEncodeError);
  });

  it.each([
    ['text that is not JSON', 'not json'],
    ['an empty value', ''],
    ['a tag with non-digits', '{"$bigint":"12a"}'],
    ['a tag with a number', '{"$bigint":12}'],
    ['a tag with other keys', '{"$bigint":"1","x":2}'],
    ['a tag with a leading zero', '{"a":[{"$bigint":"012"}]}'],
  ])('refuses %s with MessageDecodeError', (_what, raw) => {
    expect(() => decodeValue(raw)).toThrow(MessageDecodeError);
  });
});
