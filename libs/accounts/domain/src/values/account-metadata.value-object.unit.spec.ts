import { validateMetadata } from './account-metadata.value-object';

const keys = (count: number, value = 'v') =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, value]));

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  value['self'] = value;
  return value;
}

describe('metadata (scalar values, 50 keys, 500 characters each, 8 KiB in all)', () => {
  it.each([
    ['absent', undefined, null],
    ['null', null, null],
    ['an empty object', {}, {}],
    ['50 keys', keys(50), keys(50)],
    ['a 500-character value', { note: 'x'.repeat(500) }, { note: 'x'.repeat(500) }],
    [
      'number, boolean and null values',
      { seats: 3, price: -12.5, trial: true, coupon: null },
      { seats: 3, price: -12.5, trial: true, coupon: null },
    ],
  ])('accepts %s', (_case, input, value) => {
    expect(validateMetadata(input)).toEqual({ ok: true, value });
  });

  it('accepts exactly 8 KiB serialised as UTF-8 and refuses one byte more', () => {
    // Four 500-emoji values are 2,000 bytes each but only 1,000 UTF-16 units: counting units would pass.
    const emoji = (count: number) => '😀'.repeat(count);
    const exact = { a: emoji(500), b: emoji(500), c: emoji(500), d: emoji(500), e: emoji(39) };
    expect(new TextEncoder().encode(JSON.stringify(exact)).length).toBe(8192);
    expect(validateMetadata(exact)).toEqual({ ok: true, value: exact });
    expect(validateMetadata({ ...exact, e: `${emoji(39)}a` })).toEqual({
      ok: false,
      error: [{ field: 'metadata', reason: 'too_large' }],
    });
  });

  it.each([
    ['an array', ['a'], 'metadata', 'not_an_object'],
    ['a string', 'plan=gold', 'metadata', 'not_an_object'],
    ['a Date', new Date(0), 'metadata', 'not_an_object'],
    ['51 keys', keys(51), 'metadata', 'too_many_keys'],
    ['a 501-character value', { note: 'x'.repeat(501) }, 'metadata.note', 'too_long'],
    ['a nested object value', { address: { city: 'Lima' } }, 'metadata.address', 'not_allowed'],
    ['an array value', { tags: ['a', 'b'] }, 'metadata.tags', 'not_allowed'],
    ['a number JSON cannot hold', { ratio: Number.NaN }, 'metadata.ratio', 'not_allowed'],
    ['an infinite number', { ratio: Number.POSITIVE_INFINITY }, 'metadata.ratio', 'not_allowed'],
    ['an undefined value', { gone: undefined }, 'metadata.gone', 'not_allowed'],
    ['a bigint value, without throwing', { seats: 3n }, 'metadata.seats', 'not_allowed'],
    ['a cyclic value, without throwing', cyclic(), 'metadata.self', 'not_allowed'],
  ])('refuses %s', (_case, input, field, reason) => {
    expect(validateMetadata(input)).toEqual({ ok: false, error: [{ field, reason }] });
  });

  it('lists every bad field at once', () => {
    expect(validateMetadata({ ...keys(51), seats: [3], note: 'x'.repeat(501) })).toEqual({
      ok: false,
      error: [
        { field: 'metadata', reason: 'too_many_keys' },
        { field: 'metadata.seats', reason: 'not_allowed' },
        { field: 'metadata.note', reason: 'too_long' },
      ],
    });
  });

  it('counts scalar values in the 8 KiB total by their JSON text', () => {
    // Sixteen 500-character strings are 8,000 bytes of text; the 50 numbers then push it over.
    const texts = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'x'.repeat(500)]));
    const numbers = Object.fromEntries(Array.from({ length: 34 }, (_, i) => [`n${i}`, 1_000_000]));
    expect(new TextEncoder().encode(JSON.stringify({ ...texts, ...numbers })).length).toBeGreaterThan(8192);
    expect(validateMetadata({ ...texts, ...numbers })).toEqual({
      ok: false,
      error: [{ field: 'metadata', reason: 'too_large' }],
    });
    expect(validateMetadata(texts)).toMatchObject({ ok: true });
  });

  it('keeps a "__proto__" key as plain data, never as a prototype', () => {
    const input = JSON.parse('{"__proto__": "x", "plan": "gold"}') as unknown;
    const result = validateMetadata(input);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value === null) throw new Error('expected metadata');
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value)).toEqual(['__proto__', 'plan']);
  });
});
