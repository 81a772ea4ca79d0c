import { fastifyRequestContext, requestContext } from '@fastify/request-context';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

declare module '@fastify/request-context' {
  interface RequestContextData {
    requestId: string;
  }
}

/** The header a client may name its request with, and in which every answer names it. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a client's own request id may be: printable, no spaces or quotes, 128 characters at most. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._~:/@+=-]{1,128}$/;

/** The client's `X-Request-Id` when it is one we can log and pass on as it is; a new UUID otherwise. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The id of the HTTP request being served, wherever its handling has got to; undefined outside one. */
export function currentRequestId(): string | undefined {
  return requestContext.get('requestId');
}

/**
 * Every request gets an id (requestIdOf, Fastify's `request.id`, the `reqId` of its log lines),
 * answers with it in `X-Request-Id`, and keeps it in an async context for the code serving it
 * (currentRequestId), which passes it on to the services over the bus (docs/decisions.md,
 * "Request ids").
 */
export function useRequestIds(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  void fastify.register(fastifyRequestContext, { defaultStoreValues: (request) => ({ requestId: request.id }) });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
