import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { announcesBody } from './read-body';
import { MAX_BODY_BYTES, readJsonBody } from './json-body';

/**
 * Makes readJsonBody the app's only way of reading bodies, for every method, in a preValidation
 * hook (which runs for unknown routes too), so that a refusal reaches the exception filter like any
 * other error. Fastify is told that no method has a body: it would otherwise parse bodies by media
 * type with its own refusals, leave GET bodies unread, close the connection after a refused body,
 * and pay for an AsyncResource per body.
 */
export function useGatewayJsonBody(fastify: FastifyInstance): void {
  for (const method of fastify.supportedMethods)
    fastify.addHttpMethod(method, { hasBody: false, overrideExisting: true });
  fastify.removeAllContentTypeParsers();
  fastify.addHook('preValidation', readGatewayBody);
}

function readGatewayBody(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  // Most requests carry no body: they skip the promise.
  if (!announcesBody(request.raw)) {
    request.body = {};
    return done();
  }
  readJsonBody(request.raw, MAX_BODY_BYTES).then((body) => {
    request.body = body;
    done();
  }, done);
}
