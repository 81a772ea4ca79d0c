import { ceilDiv, floorDiv } from './bigint-division';

describe('bigint floor and ceiling division', () => {
  it.each([
    // dividend, divisor, floor, ceil
    [0n, 3n, 0n, 0n],
    [7n, 2n, 3n, 4n],
    [-7n, 2n, -4n, -3n],
    [6n, 3n, 2n, 2n],
    [-6n, 3n, -2n, -2n],
    [1n, 10_000n, 0n, 1n],
    [-1n, 10_000n, -1n, 0n],
  ])('%p / %p: floor %p, ceil %p', (dividend, divisor, floor, ceil) => {
    expect(floorDiv(dividend, divisor)).toBe(floor);
    expect(ceilDiv(dividend, divisor)).toBe(ceil);
  });

  it.each([0n, -1n])('refuses divisor %p', (divisor) => {
    expect(() => floorDiv(1n, divisor)).toThrow(RangeError);
    expect(() => ceilDiv(1n, divisor)).toThrow(RangeError);
  });
});
