import { DEFAULT_CURRENCY, parseCurrencyCode } from './currency';

describe('currency codes', () => {
  it('defaults to usd', () => {
    expect(DEFAULT_CURRENCY).toBe('usd');
  });

  it.each([
    ['usd', 'usd'],
    ['USD', 'usd'],
    ['Eur', 'eur'],
  ])('accepts %p as %p', (input, code) => {
    expect(parseCurrencyCode(input)).toEqual({ ok: true, value: code });
  });

  it.each(['', 'us', 'usdt', 'u$d', ' usd', '\u212Asd', 840, null])('refuses %p', (input) => {
    expect(parseCurrencyCode(input)).toMatchObject({ ok: false, error: { reason: 'not_a_currency_code' } });
  });
});
