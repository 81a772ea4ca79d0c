import fc from 'fast-check';
import { centsToMicros } from './cents-input';
import { toCentsCeil, toCentsExact, toCentsFloor } from './cents-output';

describe('micros to cents', () => {
  it.each([
    // micros, floor, ceil
    [0n, 0, 0],
    [1n, 0, 1],
    [9_999n, 0, 1],
    [10_000n, 1, 1],
    [10_001n, 1, 2],
    [7_500n, 0, 1],
    [-1n, -1, 0],
    [-9_999n, -1, 0],
    [-10_000n, -1, -1],
    [-10_001n, -2, -1],
    [10_000_000_000_000_000n, 1_000_000_000_000, 1_000_000_000_000],
    [10_000_000_000_000_001n, 1_000_000_000_000, 1_000_000_000_001],
    [-10_000_000_000_000_001n, -1_000_000_000_001, -1_000_000_000_000],
  ])('%p micros: floor %p, ceil %p', (micros, floor, ceil) => {
    expect(toCentsFloor(micros)).toBe(floor);
    expect(toCentsCeil(micros)).toBe(ceil);
  });

  it.each([
    [0n, 0],
    [10_000n, 1],
    [-10_000n, -1],
    [10_000_000_000_000_000n, 1_000_000_000_000],
  ])('exact: %p micros is %p cents', (micros, cents) => {
    expect(toCentsExact(micros)).toBe(cents);
  });

  it.each([1n, 9_999n, -1n, 10_000_000_000_000_001n])('exact: %p micros is not whole cents', (micros) => {
    expect(() => toCentsExact(micros)).toThrow(RangeError);
  });

  it('refuses results that are not safe integers, in every direction', () => {
    const tooMany = BigInt(Number.MAX_SAFE_INTEGER + 1) * 10_000n;
    for (const convert of [toCentsFloor, toCentsCeil, toCentsExact]) {
      expect(() => convert(tooMany)).toThrow(RangeError);
      expect(() => convert(-tooMany)).toThrow(RangeError);
    }
    expect(toCentsFloor(tooMany - 1n)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('floor <= exact amount <= ceil, and they differ by one cent exactly when the amount is fractional', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (micros) => {
        const floor = centsToMicros(toCentsFloor(micros));
        const ceil = centsToMicros(toCentsCeil(micros));
        expect(floor <= micros && micros <= ceil).toBe(true);
        expect(ceil - floor).toBe(micros % 10_000n === 0n ? 0n : 10_000n);
      }),
    );
  });

  it('round-trips whole cents exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (cents) => {
        const micros = centsToMicros(cents);
        expect([toCentsFloor(micros), toCentsCeil(micros), toCentsExact(micros)]).toEqual([cents, cents, cents]);
      }),
    );
  });
});
