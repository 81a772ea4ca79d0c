import fc from 'fast-check';
import { microsToDecimalNumber, microsToDecimalString } from './decimal-amount';

describe('micros to decimal', () => {
  it.each([
    [0n, '0', 0],
    [1n, '0.000001', 0.000001],
    [7_500n, '0.0075', 0.0075],
    [10_000n, '0.01', 0.01],
    [79_000n, '0.079', 0.079],
    [1_000_000n, '1', 1],
    [1_500_000n, '1.5', 1.5],
    [123_456_789n, '123.456789', 123.456789],
    [-1n, '-0.000001', -0.000001],
    [-7_500n, '-0.0075', -0.0075],
    [-2_000_000n, '-2', -2],
    [999_999_999_999_999n, '999999999.999999', 999999999.999999],
  ])('%p micros is %s', (micros, text, value) => {
    expect(microsToDecimalString(micros)).toBe(text);
    expect(microsToDecimalNumber(micros)).toBe(value);
    expect(JSON.stringify(microsToDecimalNumber(micros))).toBe(text);
  });

  it('writes amounts of any size as strings', () => {
    expect(microsToDecimalString(10_000_000_000_000_000n)).toBe('10000000000');
    expect(microsToDecimalString(12_345_678_901_234_567_890n)).toBe('12345678901234.56789');
  });

  it('refuses numbers a double could not print back exactly', () => {
    expect(() => microsToDecimalNumber(1_000_000_000_000_000n)).toThrow(RangeError);
    expect(() => microsToDecimalNumber(-1_000_000_000_000_000n)).toThrow(RangeError);
  });

  it('never returns negative zero', () => {
    expect(Object.is(microsToDecimalNumber(0n), 0)).toBe(true);
  });

  it('prints back exactly the decimal string for every amount it accepts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (micros) => {
        expect(String(microsToDecimalNumber(micros))).toBe(microsToDecimalString(micros));
      }),
      { numRuns: 5_000 },
    );
  });
});
