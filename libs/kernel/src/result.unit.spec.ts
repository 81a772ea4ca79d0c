import { andThen, err, ok, type Result } from './result';

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
    const describe = (result: Result<number, 'odd'>): string =>
      result.ok ? `half is ${result.value}` : `refused: ${result.error}`;
    expect(describe(half(8))).toBe('half is 4');
    expect(describe(half(7))).toBe('refused: odd');
  });

  it('goes on with the value of a success and keeps the first error', () => {
    const quarter = (n: number): Result<number, 'odd'> => andThen(half(n), half);
    expect(quarter(12)).toEqual({ ok: true, value: 3 });
    expect(quarter(6)).toEqual({ ok: false, error: 'odd' });
    expect(quarter(5)).toEqual({ ok: false, error: 'odd' });
    const next = jest.fn(half);
    expect(andThen(err('parse' as const), next)).toEqual({ ok: false, error: 'parse' });
    expect(next).not.toHaveBeenCalled();
  });
});
