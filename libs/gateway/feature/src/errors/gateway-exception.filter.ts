import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorResponse } from './error-reply';
import { errorResponseOf } from './error-response';

/**
 * Writes every error of the HTTP edge as `{ code, message, details }` at the root (docs/contract.md §3): our
 * ApiErrors, validation failures, body refusals, unknown routes (404 for any method) and
 * unexpected errors (500 `internal_error`, logged with their stack, never shown to the client).
 */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GatewayExceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    // Only HTTP requests are ours; another transport's errors keep their own handling.
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response = errorResponseOf(exception);
    if (response.unexpected) this.logUnexpected(exception, request);
    if (reply.sent || reply.raw.headersSent) {
      // Part of a response is out; the only honest thing left is to cut the connection.
      reply.raw.destroy();
      return;
    }
    sendErrorResponse(reply, response);
  }

  private logUnexpected(exception: unknown, request: FastifyRequest): void {
    // The path without its query string: queries are client input and need not reach the log.
    // The request id ties this line to the request's own line (see RequestLogController).
    const where = `${request.method} ${request.url.split('?', 1)[0]} (request ${request.id})`;
    if (exception instanceof Error)
      this.logger.error(`Unexpected error on ${where}: ${exception.message}`, exception.stack);
    else this.logger.error(`Unexpected non-error thrown on ${where}: ${String(exception)}`);
  }
}
