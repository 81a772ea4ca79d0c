import type { FastifyReply } from 'fastify';
import type { ErrorResponse } from './error-body';

/** Writes an error response, the one way every error of the edge reaches the client. */
export function sendErrorResponse(reply: FastifyReply, { status, body }: Pick<ErrorResponse, 'status' | 'body'>): void {
  // HTTP clients generated like the Zavu SDK retry every 409 unless told not to; only a request
  // still in progress may succeed when sent again.
  if (status === 409 && body.code !== 'request_in_progress') reply.header('x-should-retry', 'false');
  reply.code(status).type('application/json; charset=utf-8').send(body);
}
