import { bearerToken } from './bearer-token';
import { constantTimeEqual } from './constant-time';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER   abc  ', 'abc'],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Basic abc',
    'Bearer a b',
    'Bearerabc',
    'Bearer abc\u00e9',
    ['Bearer a', 'Bearer b'],
    `Bearer ${'a'.repeat(600)}`,
  ])('refuses %j', (header) => {
    expect(bearerToken(header as string | string[] | undefined)).toBeNull();
  });
});

describe('constantTimeEqual', () => {
  it('is true only for equal strings, whatever their lengths', () => {
    expect(constantTimeEqual('secret-token', 'secret-token')).toBe(true);
    expect(constantTimeEqual('secret-token', 'secret-tokeN')).toBe(false);
    expect(constantTimeEqual('secret', 'secret-token')).toBe(false);
    expect(constantTimeEqual('', 'x')).toBe(false);
  });
});
