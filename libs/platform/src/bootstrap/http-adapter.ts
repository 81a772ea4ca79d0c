import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { requestIdOf, useRequestIds } from '../request-id/request-id';

/**
 * Fastify as every app serves HTTP:
 * - routes match as they did on Express: paths case-insensitively, a trailing slash optional;
 * - a path parameter may be as long as a URL can be (find-my-way's default of 100 characters
 *   would make a long id match no route at all instead of naming nothing);
 * - Node's deadline for a whole request stays on (Fastify turns it off by default);
 * - requests arriving while the server closes are still served, as they were on Express, rather
 *   than answered with Fastify's own 503 body;
 * - no Nest middleware: none is used, and @fastify/middie would cost every request a hook;
 * - every request has an id, the client's `X-Request-Id` or a new one, answered in the same
 *   header and kept for the code serving it (request-id.ts).
 */
export function createHttpAdapter(options: FastifyServerOptions = {}): FastifyAdapter {
  const adapter = new FastifyAdapter({
    requestTimeout: 300_000,
    return503OnClosing: false,
    requestIdHeader: false,
    genReqId: requestIdOf,
    ...options,
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      maxParamLength: 16 * 1024,
      ...options.routerOptions,
    },
    skipMiddie: true,
  });
  useRequestIds(adapter);
  return adapter;
}
