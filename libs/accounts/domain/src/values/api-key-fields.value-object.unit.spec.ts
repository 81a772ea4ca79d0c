import {
  validateEnvironment,
  validateKeyDigest,
  validateKeyPrefix,
  validatePermissions,
} from './api-key-fields.value-object';

const refusal = (field: string, reason: string) => ({ ok: false, error: [{ field, reason }] });

describe('API key fields', () => {
  it.each(['live', 'test'])('accepts environment %s', (environment) => {
    expect(validateEnvironment(environment)).toEqual({ ok: true, value: environment });
  });

  it.each([['prod'], ['LIVE'], [undefined]])('refuses environment %s', (environment) => {
    expect(validateEnvironment(environment)).toEqual(refusal('environment', 'not_allowed'));
  });

  it.each([
    ['absent', undefined, null],
    ['null', null, null],
    ['none', [], []],
    ['50 distinct names of 100 characters', names(50, 100), names(50, 100)],
  ])('accepts permissions: %s', (_case, input, value) => {
    expect(validatePermissions(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['not an array', 'send', 'permissions', 'not_an_array'],
    ['51 entries', names(51, 5), 'permissions', 'too_many_items'],
    ['an empty name', ['send', ''], 'permissions.1', 'empty'],
    ['a 101-character name', ['x'.repeat(101)], 'permissions.0', 'too_long'],
    ['a number', [7], 'permissions.0', 'not_a_string'],
    ['a repeated name', ['send', 'read', 'send'], 'permissions.2', 'duplicate'],
  ])('refuses permissions: %s', (_case, input, field, reason) => {
    expect(validatePermissions(input)).toEqual(refusal(field, reason));
  });

  it('accepts a 12-character prefix and refuses any other length', () => {
    expect(validateKeyPrefix('sl_live_sub_')).toEqual({ ok: true, value: 'sl_live_sub_' });
    expect(validateKeyPrefix('sl_live_sub')).toEqual(refusal('prefix', 'wrong_length'));
    expect(validateKeyPrefix('sl_live_sub_x')).toEqual(refusal('prefix', 'wrong_length'));
    expect(validateKeyPrefix(undefined)).toEqual(refusal('prefix', 'not_a_string'));
  });

  it('accepts a non-empty digest only', () => {
    expect(validateKeyDigest('ab12')).toEqual({ ok: true, value: 'ab12' });
    expect(validateKeyDigest('')).toEqual(refusal('digest', 'empty'));
    expect(validateKeyDigest(null)).toEqual(refusal('digest', 'not_a_string'));
  });
});

function names(count: number, length: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, 'p'));
}
