import type { FastifyReply, FastifyRequest } from 'fastify';
import pino, { type LevelWithSilent, type Logger } from 'pino';

/** Where a credential could sit in a log line: redacted there at any level (SPEC §2). */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', '*.apiKey', '*.key'];

/**
 * The process's one pino logger, for Nest's logs and Fastify's request lines alike. A request is
 * logged by its method, path and route; its headers (credentials redacted) only at `debug` and
 * below. The query string never is: it may hold personal data (`?to=` of a message filter).
 */
export function createServiceLogger(service: string, level: LevelWithSilent): Logger {
  const withHeaders = level !== 'silent' && pino.levels.values[level] <= pino.levels.values.debug;
  return pino({
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: (request: Partial<FastifyRequest>) => requestFields(request, withHeaders), res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }) },
  });
}

// Fastify passes its request, or on a few early failures something with only part of it.
function requestFields(request: Partial<FastifyRequest>, withHeaders: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = { method: request.method, url: request.url?.split('?', 1)[0], route: request.routeOptions?.url };
  if (withHeaders) {
    fields.headers = request.headers;
    fields.remoteAddress = request.ip;
  }
  return fields;
}
