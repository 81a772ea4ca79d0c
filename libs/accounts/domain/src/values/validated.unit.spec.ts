import { ok } from '@subledger/kernel';
import { characterCount, validateAll, violation } from './validated';

describe('validateAll', () => {
  it('returns every value when every check passes', () => {
    expect(validateAll({ name: ok('Acme'), limit: ok(null) })).toEqual({
      ok: true,
      value: { name: 'Acme', limit: null },
    });
  });

  it('returns the violations of every failing check, in field order', () => {
    expect(
      validateAll({ name: violation('name', 'empty'), ok: ok(1), metadata: violation('metadata', 'too_large') }),
    ).toEqual({
      ok: false,
      error: [
        { field: 'name', reason: 'empty' },
        { field: 'metadata', reason: 'too_large' },
      ],
    });
  });
});

describe('characterCount', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 1],
    ['😀', 1],
    ['a😀b', 3],
  ])('counts %j as %d', (text, count) => {
    expect(characterCount(text)).toBe(count);
  });
});
