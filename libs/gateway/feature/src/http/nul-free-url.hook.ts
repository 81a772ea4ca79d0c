import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidRequest } from '../errors/field-error';

type Next = (error?: unknown) => void;

/**
 * Refuses a URL whose path or query holds `%00`: it decodes to a NUL character, which PostgreSQL
 * text cannot hold, so an id or a filter carrying one would fail in a service (503 after its
 * deadline) instead of naming nothing. Runs before the body parser; the body is left unread.
 */
export function nulFreeUrlMiddleware() {
  return function gatewayNulFreeUrl(request: IncomingMessage, _response: ServerResponse, next: Next): void {
    if (!request.url?.includes('%00')) return next();
    request.resume();
    next(invalidRequest([{ path: 'url', message: 'the URL must not contain NUL characters (%00)' }]));
  };
}
