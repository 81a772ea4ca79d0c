import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ApiError } from '../shared/api-error';

/**
 * Answers a request no route takes (an unknown path, or a known one with another method) with 404
 * `not_found`, once its body has been read and checked like any other. A preValidation hook, so
 * that the refusal is an ApiError, without the stack trace of the NotFoundException Nest's own
 * not-found handler would throw.
 */
export function refuseUnknownRoute(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (!request.is404) return done();
  done(new ApiError(404, 'not_found', `Cannot ${request.method} ${request.url}`));
}
