import { jsonTextArrayParam, textArrayParam } from './text-array-param';

describe('text[] parameters', () => {
  it('writes plain strings as an array literal, quotes and backslashes escaped', () => {
    expect(textArrayParam(['a', 'say "hi"', 'back\\slash', '', 'NULL', 'é ✓ 😀'])).toBe(
      '{"a","say \\"hi\\"","back\\\\slash","","NULL","é ✓ 😀"}',
    );
    expect(textArrayParam([])).toBe('{}');
  });

  it('leaves strings with control characters or lone surrogates for the driver to escape', () => {
    const values = ['fine', 'line\nbreak'];
    expect(textArrayParam(values)).toBe(values);
    expect(textArrayParam(['\ud800'])).toEqual(['\ud800']);
  });

  it('writes JSON texts as they are, their own escapes escaped again', () => {
    const texts = [JSON.stringify({ text: 'a "quote", a \\ and a\nbreak' }), '{}'];
    expect(jsonTextArrayParam(texts)).toBe(
      `{${texts.map((text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`,
    );
  });
});
