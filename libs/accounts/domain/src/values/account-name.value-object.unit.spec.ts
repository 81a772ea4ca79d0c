import { validateName } from './account-name.value-object';

describe('name (1 to 200 characters)', () => {
  it.each([
    ['one character', 'a'],
    ['200 characters', 'n'.repeat(200)],
    ['200 emoji (code points, not UTF-16 units)', '😀'.repeat(200)],
    ['inner and outer spaces kept as given', ' Acme Inc '],
  ])('accepts %s', (_case, name) => {
    expect(validateName(name)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['absent', undefined, 'required'],
    ['null', null, 'required'],
    ['a number', 42, 'not_a_string'],
    ['empty', '', 'empty'],
    ['only white space', ' \t\n', 'blank'],
    ['201 characters', 'n'.repeat(201), 'too_long'],
    ['201 emoji', '😀'.repeat(201), 'too_long'],
  ])('refuses %s', (_case, name, reason) => {
    expect(validateName(name)).toEqual({ ok: false, error: [{ field: 'name', reason }] });
  });

  it('names the field it was given', () => {
    expect(validateName('', 'apiKey.name')).toEqual({ ok: false, error: [{ field: 'apiKey.name', reason: 'empty' }] });
  });
});
