import { validateExternalId } from './external-id.value-object';

describe('externalId (absent, or 1 to 255 characters)', () => {
  it.each([
    ['absent', undefined, null],
    ['null', null, null],
    ['one character', 'x', 'x'],
    ['255 characters', 'x'.repeat(255), 'x'.repeat(255)],
  ])('accepts %s', (_case, input, value) => {
    expect(validateExternalId(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['256 characters', 'x'.repeat(256), 'too_long'],
    ['empty', '', 'empty'],
    ['only white space', '   ', 'blank'],
    ['a number', 7, 'not_a_string'],
  ])('refuses %s', (_case, input, reason) => {
    expect(validateExternalId(input)).toEqual({ ok: false, error: [{ field: 'externalId', reason }] });
  });
});
