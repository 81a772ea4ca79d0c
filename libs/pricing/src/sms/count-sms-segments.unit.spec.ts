import fc from 'fast-check';
import { countSmsSegments } from './count-sms-segments';

const gsm = (length: number): string => 'a'.repeat(length);
const ucs2 = (length: number): string => 'я'.repeat(length);

describe('countSmsSegments', () => {
  it.each([
    // Carriers send and bill an empty text as one segment.
    ['empty text', '', 'gsm7', 0, 1],
    ['1 GSM char', 'a', 'gsm7', 1, 1],
    ['160 GSM chars', gsm(160), 'gsm7', 160, 1],
    ['161 GSM chars', gsm(161), 'gsm7', 161, 2],
    ['153 * 2 GSM chars', gsm(306), 'gsm7', 306, 2],
    ['153 * 2 + 1 GSM chars', gsm(307), 'gsm7', 307, 3],
    ['the euro sign', '€', 'gsm7', 2, 1],
    ['159 chars and a euro sign', gsm(159) + '€', 'gsm7', 161, 2],
    ['158 chars and a euro sign', gsm(158) + '€', 'gsm7', 160, 1],
    ['form feed', '\f', 'gsm7', 2, 1],
    ['accented GSM letters', 'àéèùìòÄÖÑÜäöñü', 'gsm7', 14, 1],
    ['one emoji', '😀', 'ucs2', 2, 1],
    ['text with an emoji', 'Hello 😀', 'ucs2', 8, 1],
    ['70 UCS-2 units', ucs2(70), 'ucs2', 70, 1],
    ['71 UCS-2 units', ucs2(71), 'ucs2', 71, 2],
    ['67 * 2 UCS-2 units', ucs2(134), 'ucs2', 134, 2],
    ['67 * 2 + 1 UCS-2 units', ucs2(135), 'ucs2', 135, 3],
    ['159 GSM chars and one backtick', gsm(159) + '`', 'ucs2', 160, 3],
    ['35 emoji', '😀'.repeat(35), 'ucs2', 70, 1],
    ['36 emoji', '😀'.repeat(36), 'ucs2', 72, 2],
    // 33 emoji (66 units) fill a part, since a 34th would need units 67 and 68.
    ['67 emoji', '😀'.repeat(67), 'ucs2', 134, 3],
  ])('%s', (_name, text, encoding, units, segments) => {
    expect(countSmsSegments(text)).toEqual({ encoding, units, segments });
  });

  it('never splits an escape pair: it moves whole to the next segment', () => {
    // 152 + 2 would overflow the first 153-septet part, so the euro sign opens the second one.
    expect(countSmsSegments(gsm(152) + '€' + gsm(152))).toEqual({ encoding: 'gsm7', units: 306, segments: 3 });
    expect(countSmsSegments(gsm(151) + '€' + gsm(153))).toEqual({ encoding: 'gsm7', units: 306, segments: 2 });
  });

  it('never splits a surrogate pair: it moves whole to the next segment', () => {
    expect(countSmsSegments(ucs2(66) + '😀' + ucs2(66))).toEqual({ encoding: 'ucs2', units: 134, segments: 3 });
    expect(countSmsSegments(ucs2(65) + '😀' + ucs2(67))).toEqual({ encoding: 'ucs2', units: 134, segments: 2 });
  });

  it('counts UTF-16 code units, not code points, for UCS-2', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (text) => {
        const count = countSmsSegments(text);
        if (count.encoding === 'ucs2') {
          expect(count.units).toBe(text.length);
        }
      }),
    );
  });

  it('bills at least the plain division of units and at most one more segment per character boundary', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '€', 'я', '😀', ' '), maxLength: 700 }), (text) => {
        const { encoding, units, segments } = countSmsSegments(text);
        const [single, perPart, widest] = encoding === 'gsm7' ? [160, 153, 2] : [70, 67, 2];
        const plain = units <= single ? 1 : Math.ceil(units / perPart);
        expect(segments).toBeGreaterThanOrEqual(plain);
        // Each part loses at most (widest - 1) units to a character pushed to the next part.
        expect(segments).toBeLessThanOrEqual(units <= single ? 1 : Math.ceil(units / (perPart - widest + 1)));
      }),
    );
  });
});
