import { creditLimitFromCents, validateCreditLimit, validateCreditLimitOf } from './credit-limit.value-object';

const CENT = 10_000n;
const MAX_CENTS = 1_000_000_000_000;

describe('creditLimit from API cents (0 to 10^12, 0 / null / absent = no limit)', () => {
  it.each([
    ['absent', undefined, null],
    ['null', null, null],
    ['0', 0, null],
    ['-0', -0, null],
    ['1 cent', 1, CENT],
    ['10^12 cents', MAX_CENTS, BigInt(MAX_CENTS) * CENT],
  ])('accepts %s', (_case, cents, micros) => {
    expect(creditLimitFromCents(cents)).toEqual({ ok: true, value: micros });
  });

  it.each([
    ['10^12 + 1 cents', MAX_CENTS + 1, 'too_large'],
    ['an unsafe integer', 2 ** 60, 'too_large'],
    ['-1', -1, 'negative'],
    ['1.5', 1.5, 'not_an_integer'],
    ['Infinity', Infinity, 'not_an_integer'],
    ['NaN', NaN, 'not_a_number'],
    ['a numeric string', '100', 'not_a_number'],
    ['a bigint', 100n, 'not_a_number'],
  ])('refuses %s', (_case, cents, reason) => {
    expect(creditLimitFromCents(cents)).toEqual({ ok: false, error: [{ field: 'creditLimit', reason }] });
  });
});

describe('creditLimit in micros, as commands carry it', () => {
  it.each([
    ['null', null, null],
    ['0 micros', 0n, null],
    ['1 cent', CENT, CENT],
    ['10^12 cents', BigInt(MAX_CENTS) * CENT, BigInt(MAX_CENTS) * CENT],
  ])('accepts %s', (_case, micros, value) => {
    expect(validateCreditLimit(micros)).toEqual({ ok: true, value });
  });

  it.each([
    ['one cent over the maximum', (BigInt(MAX_CENTS) + 1n) * CENT, 'too_large'],
    ['a fraction of a cent', CENT + 1n, 'not_whole_cents'],
    ['negative', -CENT, 'negative'],
    ['a number', 10_000, 'not_an_integer'],
  ])('refuses %s', (_case, micros, reason) => {
    expect(validateCreditLimit(micros)).toEqual({ ok: false, error: [{ field: 'creditLimit', reason }] });
  });

  it('allows a limit on a sub-account only', () => {
    expect(validateCreditLimitOf('sub', CENT)).toEqual({ ok: true, value: CENT });
    expect(validateCreditLimitOf('main', null)).toEqual({ ok: true, value: null });
    expect(validateCreditLimitOf('main', 0n)).toEqual({ ok: true, value: null });
    expect(validateCreditLimitOf('main', CENT)).toEqual({
      ok: false,
      error: [{ field: 'creditLimit', reason: 'not_allowed' }],
    });
  });
});
