import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { announcesBody } from './read-body';
import { MAX_BODY_BYTES, readJsonBody } from './json-body';

/**
 * Makes readJsonBody the app's only way of reading bodies, for every method. Fastify would parse a
 * body by its media type, answer its own 415 for the others, leave GET bodies unread, and close the
 * connection after a refused body; instead its parser step lets every body through untouched, and a
 * preValidation hook (which runs for unknown routes too) reads it, so a refusal reaches the
 * exception filter like any other error.
 */
export function useGatewayJsonBody(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
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
