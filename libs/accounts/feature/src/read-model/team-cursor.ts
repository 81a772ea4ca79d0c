/** Where a page of the newest-first team list ends: the creation time and id of its last team. */
export interface TeamPosition {
  readonly createdAt: number;
  readonly id: string;
}

const SHAPE = /^t:(\d{1,16}):([A-Za-z0-9_-]{1,100})$/;

/**
 * Team list cursors, opaque base64url like the other lists' (page-cursor.ts). Teams have no
 * creation sequence, so the cursor holds the (created_at, id) pair the list is ordered by, and a
 * page never repeats or skips a team while new ones are created.
 */
export function encodeTeamCursor(position: TeamPosition): string {
  return Buffer.from(`t:${position.createdAt}:${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor points after, null for the first page, or `invalid` for a cursor we never issued. */
export function decodeTeamCursor(cursor: string | null): TeamPosition | null | 'invalid' {
  if (cursor === null) return null;
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return 'invalid';
  const match = SHAPE.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null || !Number.isSafeInteger(Number(match[1]))) return 'invalid';
  return { createdAt: Number(match[1]), id: match[2] };
}
