import { decodeCursor, encodeCursor, isPageSize, pageOf } from './page-cursor';

describe('list cursors', () => {
  it('round-trips a sequence through an opaque base64url text', () => {
    const cursor = encodeCursor('1234');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('1234');
    expect(decodeCursor(cursor)).toBe('1234');
  });

  it('starts the first page after sequence 0', () => {
    expect(decodeCursor(null)).toBe('0');
  });

  it.each([
    ['not base64url', 'a+b/c'],
    ['empty', ''],
    ['another shape', Buffer.from('x:12').toString('base64url')],
    ['a sequence past bigint', Buffer.from('s:9223372036854775808').toString('base64url')],
    ['a negative sequence', Buffer.from('s:-1').toString('base64url')],
    ['far too long', 'A'.repeat(41)],
  ])('refuses a cursor that is %s', (_case, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it('accepts page sizes from 1 to 100 only', () => {
    expect([1, 50, 100].every(isPageSize)).toBe(true);
    expect([0, 101, 1.5, -1, Number.NaN, '10'].some(isPageSize)).toBe(false);
  });

  it('gives a next cursor only when the extra row shows another page', () => {
    const rows = ['1', '2', '3'].map((seq) => ({ seq }));
    expect(pageOf(rows, 2, (row) => row.seq)).toEqual({ items: ['1', '2'], nextCursor: encodeCursor('2') });
    expect(pageOf(rows, 3, (row) => row.seq)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
  });
});
