const MAX_SEQ = 2n ** 63n - 1n;

/**
 * List cursors: the creation sequence of the last item of a page, as opaque base64url. A cursor
 * only says "after this row", so a page never repeats or skips an item while rows are added.
 */
export function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
}

/** The sequence a cursor points after, `'0'` for the first page, or null for a cursor we never issued. */
export function decodeCursor(cursor: string | null): string | null {
  if (cursor === null) return '0';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const match = /^s:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match && BigInt(match[1]) <= MAX_SEQ ? match[1] : null;
}

export const MAX_PAGE_SIZE = 100;

export function isPageSize(limit: unknown): limit is number {
  return Number.isSafeInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_PAGE_SIZE;
}

/** Rows fetched with `LIMIT limit + 1`: the extra row only tells that another page follows. */
export function pageOf<R extends { seq: string }, V>(rows: readonly R[], limit: number, view: (row: R) => V) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(items[items.length - 1].seq) : null;
  return { items: items.map(view), nextCursor };
}
