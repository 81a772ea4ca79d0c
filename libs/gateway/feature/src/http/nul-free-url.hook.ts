import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { invalidRequest } from '../errors/field-error';
import { discardBody } from './read-body';

/**
 * Refuses a URL whose path or query holds `%00` (an onRequest hook): it decodes to a NUL character,
 * which PostgreSQL text cannot hold, so an id or a filter carrying one would fail in a service (503
 * after its deadline) instead of naming nothing. Runs before the body is read; the body is discarded
 * before the refusal is answered.
 */
export function refuseNulInUrl(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (!request.url.includes('%00')) return done();
  const refusal = invalidRequest([{ path: 'url', message: 'the URL must not contain NUL characters (%00)' }]);
  discardBody(request.raw).then(() => done(refusal));
}
