import { GSM7_BASIC_CHARACTERS, GSM7_EXTENSION_CHARACTERS, gsm7Septets } from './gsm7-alphabet';

describe('GSM-7 alphabet', () => {
  it('holds the 127 sendable characters of the default table and the 10 of the extension table', () => {
    expect(GSM7_BASIC_CHARACTERS.size).toBe(127);
    expect(GSM7_EXTENSION_CHARACTERS.size).toBe(10);
    expect([...GSM7_BASIC_CHARACTERS].every((character) => character.length === 1)).toBe(true);
  });

  it.each([
    ['a', 1],
    ['Z', 1],
    ['@', 1],
    ['£', 1],
    ['\n', 1],
    ['\r', 1],
    ['\u0394', 1], // Greek capital delta
    ['\u03A9', 1], // Greek capital omega, not the ohm sign
    ['Ç', 1],
    ['¤', 1],
    ['€', 2],
    ['\f', 2],
    ['^', 2],
    ['{', 2],
    ['}', 2],
    ['\\', 2],
    ['[', 2],
    ['~', 2],
    [']', 2],
    ['|', 2],
  ])('%p takes %p septet(s)', (character, septets) => {
    expect(gsm7Septets(character)).toBe(septets);
  });

  it.each(['`', 'ç', 'á', '\u2126', '\u001B', '\t', 'я', '😀'])('%p is not GSM-7', (character) => {
    expect(gsm7Septets(character)).toBeUndefined();
  });
});
