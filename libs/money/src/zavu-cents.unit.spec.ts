import { balanceCents, costCents, creditLimitCents, spentCents } from './zavu-cents';

describe('Zavu-compatible cents', () => {
  it.each([
    // micros, balance (down), totalSpent (up), cost (up)
    [0n, 0, 0, 0],
    [1n, 0, 1, 1],
    [7_500n, 0, 1, 1],
    [1_234_567n, 123, 124, 124],
    [-1n, -1, 0, 0],
    [10_000_000_000_000_000n, 1_000_000_000_000, 1_000_000_000_000, 1_000_000_000_000],
  ])('%p micros: balance %p, totalSpent %p, cost %p', (micros, balance, spent, cost) => {
    expect(balanceCents(micros)).toBe(balance);
    expect(spentCents(micros)).toBe(spent);
    expect(costCents(micros)).toBe(cost);
  });

  it('never shows a balance above the exact amount nor a spend below it', () => {
    expect(balanceCents(19_999n) * 10_000).toBeLessThanOrEqual(19_999);
    expect(spentCents(10_001n) * 10_000).toBeGreaterThanOrEqual(10_001);
  });

  it('shows a credit limit exactly, and refuses a limit that is not whole cents', () => {
    expect(creditLimitCents(0n)).toBe(0);
    expect(creditLimitCents(10_000_000_000_000_000n)).toBe(1_000_000_000_000);
    expect(() => creditLimitCents(10_001n)).toThrow(RangeError);
  });
});
