import { validateCurrency } from './team-currency.value-object';

describe('team currency', () => {
  it.each([
    ['usd', 'usd'],
    ['EUR', 'eur'],
  ])('accepts %s as %s', (input, value) => {
    expect(validateCurrency(input)).toEqual({ ok: true, value });
  });

  it.each([['us'], ['usdt'], ['u$d'], [840]])('refuses %s', (input) => {
    expect(validateCurrency(input)).toEqual({ ok: false, error: [{ field: 'currency', reason: 'not_allowed' }] });
  });
});
