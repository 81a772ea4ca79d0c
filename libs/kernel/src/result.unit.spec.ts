import { err, ok, type Result } from './result';

function half(n: number): Result<number, 'odd'> {
  return n % 2 === 0 ? ok(n / 2) : err('odd');
}

describe('Result', () => {
  it('carries the value of a success', () => {
    expect(ok(5n)).toEqual({ ok: true, value: 5n });
  });

  it('carries the reason of a failure', () => {
    expect(err({ reason: 'negative', message: 'must not be negative' })).toEqual({
      ok: false,
      error: { reason: 'negative', message: 'must not be negative' },
    });
  });

  it('narrows on ok to the value or the error', () => {
    const describe = (result: Result<number, 'odd'>): string => (result.ok ? `half is ${result.value}` : `refused: ${result.error}`);
    expect(describe(half(8))).toBe('half is 4');
    expect(describe(half(7))).toBe('refused: odd');
  });
});
