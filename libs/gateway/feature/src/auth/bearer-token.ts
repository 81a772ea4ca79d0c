/** Longer than any key or operator token we issue; a longer credential is refused unread. */
const MAX_TOKEN_LENGTH = 512;

/** The credential of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.length > MAX_TOKEN_LENGTH + 7) return null;
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header);
  return match ? match[1] : null;
}
