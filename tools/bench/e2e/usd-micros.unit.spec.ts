import { usdTextToMicros } from './usd-micros';

describe('usdTextToMicros', () => {
  it.each([
    ['0.0079', 7_900n],
    ['0', 0n],
    ['1', 1_000_000n],
    ['12.5', 12_500_000n],
    ['0.000001', 1n],
    ['1e-6', 1n],
    ['7.9E-3', 7_900n],
    ['2e3', 2_000_000_000n],
    ['-0.0079', -7_900n],
    ['123456789.123456', 123_456_789_123_456n],
    ['0.0079000', 7_900n],
  ])('reads %s as %s micros', (text, micros) => {
    expect(usdTextToMicros(text)).toBe(micros);
  });

  it.each(['0.0000001', '1e-7', '', 'abc', '1.', '.5', '0x10', 'NaN'])('refuses %j', (text) => {
    expect(() => usdTextToMicros(text)).toThrow(RangeError);
  });

  it('sums exactly where doubles would drift', () => {
    const sum = Array.from({ length: 1000 }, () => usdTextToMicros('0.0079')).reduce((a, b) => a + b, 0n);
    expect(sum).toBe(7_900_000n);
  });
});
