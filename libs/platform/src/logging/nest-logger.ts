import type { LoggerService } from '@nestjs/common';
import { Logger, type Params, PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';

/**
 * Nest's own logs, and every `new Logger(context)`, through the service's pino logger with their
 * context. Requests are logged by Fastify (RequestLogController), not by nestjs-pino's middleware,
 * which would create and bind a logger for every request.
 */
export function nestLoggerOver(logger: Pino): LoggerService {
  const params: Params = { pinoHttp: { logger } };
  return new Logger(new PinoLogger(params), params);
}
