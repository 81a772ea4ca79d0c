import type { FastifyReply, FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { logRequestIds, requestIdFields } from './log-context';

/** Where a credential could sit in a log line: redacted there at any level (docs/contract.md §2). */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  '*.apiKey',
  '*.key',
];

/**
 * The process's one pino logger, for Nest's logs and Fastify's request lines alike. A request is
 * logged by its method, path and route; its headers (credentials redacted) only at `debug` and
 * below. The query string never is: it may hold personal data (`?to=` of a message filter).
 */
export function createServiceLogger(service: string, level: LevelWithSilent, destination?: DestinationStream): Logger {
  const withHeaders = level !== 'silent' && pino.levels.values[level] <= pino.levels.values.debug;
  return pino(
    {
      level,
      base: { service },
      // The request ids of what is being served (log-context.ts), on every line written meanwhile. A
      // line of Fastify's per-request logger has its request's `reqId` bound already. Runs only for
      // lines that are written, so a level that is off costs nothing.
      mixin: (_line, _level, logger) => {
        const ids = logRequestIds();
        if (ids.length === 0 || 'reqId' in logger.bindings()) return {};
        return requestIdFields(ids);
      },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (request: Partial<FastifyRequest>) => requestFields(request, withHeaders),
        res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}

// Fastify passes its request, or on a few early failures something with only part of it.
function requestFields(request: Partial<FastifyRequest>, withHeaders: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    method: request.method,
    url: request.url?.split('?', 1)[0],
    route: request.routeOptions?.url,
  };
  if (withHeaders) {
    fields.headers = request.headers;
    fields.remoteAddress = request.ip;
  }
  return fields;
}
