import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Level, Logger } from 'pino';

/** Success is not news: 2xx and 3xx at `debug`, refusals at `info`, our own failures at `error`. */
export function requestLogLevel(statusCode: number, error?: Error | null): Level {
  if (error || statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'info' : 'debug';
}

/**
 * Fastify's request logging with one line per request, written when it completes, at the level
 * its status calls for. At the default `info` a successful request costs no log line, nor even the
 * object one would be built from. `GET /health` is never logged.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: (request) => request.url.startsWith('/health') });
  }

  override incomingRequest(): void {
    // The completed line says everything; a second line per request would double the cost.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const level = requestLogLevel(reply.statusCode, error);
    // The logger is the pino instance of createServiceLogger (or its per-request child).
    if (!(reply.log as Logger).isLevelEnabled(level) || this.isLogDisabled(request)) return;
    const responseTime = Math.round(reply.elapsedTime * 100) / 100;
    const line = { req: request, res: reply, responseTime, ...(error ? { err: error } : {}) };
    reply.log[level](line, error ? 'request errored' : 'request completed');
  }
}
