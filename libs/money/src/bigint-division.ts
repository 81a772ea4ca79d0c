// BigInt division truncates toward zero; money needs floor and ceiling, which differ for negatives.

export function floorDiv(dividend: bigint, divisor: bigint): bigint {
  assertPositive(divisor);
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n ? quotient - 1n : quotient;
}

export function ceilDiv(dividend: bigint, divisor: bigint): bigint {
  assertPositive(divisor);
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend > 0n ? quotient + 1n : quotient;
}

function assertPositive(divisor: bigint): void {
  if (divisor <= 0n) {
    throw new RangeError(`divisor must be positive, got ${divisor}`);
  }
}
