import { decodeTeamCursor, encodeTeamCursor } from './team-cursor';

describe('team list cursors', () => {
  it('round-trips a creation time and an id through an opaque base64url text', () => {
    const cursor = encodeTeamCursor({ createdAt: 1_767_225_600_000, id: 'team_7Rk2pWq9' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('team_');
    expect(decodeTeamCursor(cursor)).toEqual({ createdAt: 1_767_225_600_000, id: 'team_7Rk2pWq9' });
  });

  it('starts the first page at the newest team', () => {
    expect(decodeTeamCursor(null)).toBeNull();
  });

  it.each([
    ['not base64url', 'a+b/c'],
    ['empty', ''],
    ['a page cursor of another list', Buffer.from('s:12').toString('base64url')],
    ['a time past a safe integer', Buffer.from('t:9999999999999999:team_a').toString('base64url')],
    ['an id with other characters', Buffer.from("t:1:team_a' OR 1=1").toString('base64url')],
    ['far too long', 'A'.repeat(201)],
  ])('refuses a cursor that is %s', (_case, cursor) => {
    expect(decodeTeamCursor(cursor)).toBe('invalid');
  });
});
