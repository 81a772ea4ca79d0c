import { centsToMicros, parseCents, parseSignedCents } from './cents-input';

describe('parseCents', () => {
  it.each([
    [0, 0],
    [1, 1],
    [1999, 1999],
    [1_000_000_000_000, 1_000_000_000_000],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ])('accepts %p as %p cents', (input, cents) => {
    expect(parseCents(input)).toEqual({ ok: true, value: cents });
  });

  it('normalises -0 to 0', () => {
    const result = parseCents(-0);
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each([
    ['12', 'not_a_number'],
    [null, 'not_a_number'],
    [undefined, 'not_a_number'],
    [12n, 'not_a_number'],
    [NaN, 'not_a_number'],
    [1.5, 'not_an_integer'],
    [0.1, 'not_an_integer'],
    [Infinity, 'not_an_integer'],
    [-Infinity, 'not_an_integer'],
    [-1, 'negative'],
    [Number.MAX_SAFE_INTEGER + 1, 'unsafe_integer'],
    [1e300, 'unsafe_integer'],
  ])('refuses %p as %s', (input, reason) => {
    expect(parseCents(input)).toMatchObject({ ok: false, error: { reason } });
  });
});

describe('parseSignedCents', () => {
  it.each([
    [-1, -1],
    [-1_000_000_000_000, -1_000_000_000_000],
    [250, 250],
  ])('accepts %p', (input, cents) => {
    expect(parseSignedCents(input)).toEqual({ ok: true, value: cents });
  });

  it.each([
    [-1.5, 'not_an_integer'],
    [Number.MIN_SAFE_INTEGER - 1, 'unsafe_integer'],
    ['-1', 'not_a_number'],
  ])('refuses %p as %s', (input, reason) => {
    expect(parseSignedCents(input)).toMatchObject({ ok: false, error: { reason } });
  });
});

describe('centsToMicros', () => {
  it.each([
    [0, 0n],
    [1, 10_000n],
    [-1, -10_000n],
    [100, 1_000_000n],
    [1_000_000_000_000, 10_000_000_000_000_000n],
    [Number.MAX_SAFE_INTEGER, 90_071_992_547_409_910_000n],
    [5n, 50_000n],
  ])('converts %p cents to %p micros', (cents, micros) => {
    expect(centsToMicros(cents)).toBe(micros);
  });

  it.each([0.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('throws a RangeError for %p', (cents) => {
    expect(() => centsToMicros(cents)).toThrow(RangeError);
  });
});
