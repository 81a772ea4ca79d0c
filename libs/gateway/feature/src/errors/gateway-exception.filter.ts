import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorResponseOf } from './error-response';

interface RequestLine {
  method?: string;
  originalUrl?: string;
  url?: string;
}

/**
 * Writes every error of the HTTP edge as `{ code, message, details }` at the root (SPEC §3): our
 * ApiErrors, validation failures, body parsing refusals, unknown routes (404 for any method) and
 * unexpected errors (500 `internal_error`, logged with their stack, never shown to the client).
 */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GatewayExceptions');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    // Only HTTP requests are ours; another transport's errors keep their own handling.
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<RequestLine>();
    const response = http.getResponse<{ headersSent?: boolean; destroy?: () => void }>();
    const { status, body, unexpected } = errorResponseOf(exception);
    if (unexpected) this.logUnexpected(exception, request);
    if (response.headersSent) {
      // Part of a response is out; the only honest thing left is to cut the connection.
      response.destroy?.();
      return;
    }
    // HTTP clients generated like the Zavu SDK retry every 409 unless told not to; only a request
    // still in progress may succeed when sent again.
    if (status === 409 && body.code !== 'request_in_progress') this.adapterHost.httpAdapter.setHeader(response, 'x-should-retry', 'false');
    this.adapterHost.httpAdapter.reply(response, body, status);
  }

  private logUnexpected(exception: unknown, request: RequestLine): void {
    // The path without its query string: queries are client input and need not reach the log.
    const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
    const where = `${request.method ?? '?'} ${path}`;
    if (exception instanceof Error) this.logger.error(`Unexpected error on ${where}: ${exception.message}`, exception.stack);
    else this.logger.error(`Unexpected non-error thrown on ${where}: ${String(exception)}`);
  }
}
