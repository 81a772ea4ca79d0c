import { parseMicros } from './micros-input';

describe('parseMicros', () => {
  it.each([
    ['0', 0n],
    ['7500', 7_500n],
    ['123456789012345678901234567890', 123_456_789_012_345_678_901_234_567_890n],
    [0, 0n],
    [7_500, 7_500n],
    [Number.MAX_SAFE_INTEGER, 9_007_199_254_740_991n],
  ])('accepts %p', (input, micros) => {
    expect(parseMicros(input)).toEqual({ ok: true, value: micros });
  });

  it.each([
    ['', 'not_an_amount'],
    ['007', 'not_an_amount'],
    ['1.5', 'not_an_amount'],
    ['1e6', 'not_an_amount'],
    [' 1', 'not_an_amount'],
    ['+1', 'not_an_amount'],
    ['0x10', 'not_an_amount'],
    ['-1', 'negative'],
    [-1, 'negative'],
    [1.5, 'not_an_amount'],
    [NaN, 'not_an_amount'],
    [Infinity, 'not_an_amount'],
    [Number.MAX_SAFE_INTEGER + 1, 'unsafe_integer'],
    [7_500n, 'not_an_amount'],
    [null, 'not_an_amount'],
    [{}, 'not_an_amount'],
  ])('refuses %p as %s', (input, reason) => {
    expect(parseMicros(input)).toMatchObject({ ok: false, error: { reason } });
  });
});
