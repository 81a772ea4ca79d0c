/** SQLSTATEs of a session the server ended: admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown, cannot_connect_now. */
const ENDED_BY_SERVER = new Set(['57P01', '57P02', '57P03']);
/** Socket errors of a connection that broke under a statement. */
const BROKEN_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT']);

/**
 * Whether a statement failed because its database connection was lost (the server ended the
 * session, or the socket broke) rather than because of the statement itself: `pg` reports the
 * former with the server's SQLSTATE (class 08, connection exceptions, or 57P0x), with a socket error
 * code, or, for a connection already known dead, with one of two messages of its own.
 */
export function isLostConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || ENDED_BY_SERVER.has(code) || BROKEN_SOCKET.has(code)))
    return true;
  return /^Connection terminated|connection error and is not queryable/.test(error.message);
}
