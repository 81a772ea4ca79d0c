import { HttpException } from '@nestjs/common';
import { MessageBusClosedError, RequestTimeoutError } from '@subledger/messaging';
import { ApiError } from '../shared/api-error';
import type { ErrorBody, ErrorResponse } from './error-body';
import { codeForStatus } from './status-codes';

const INTERNAL_ERROR: ErrorBody = { code: 'internal_error', message: 'An unexpected error occurred.', details: {} };

/**
 * The one mapping from anything thrown while serving a request to the response the client gets.
 * Whatever is not a known client error becomes 500 `internal_error` with a fixed message: its own
 * message may hold internals (SQL, paths, stack frames), so it only goes to the log.
 */
export function errorResponseOf(error: unknown): ErrorResponse {
  if (error instanceof ApiError) {
    return {
      status: error.getStatus(),
      body: { code: error.code, message: error.message, details: error.details },
      unexpected: false,
    };
  }
  if (error instanceof RequestTimeoutError) {
    const body = {
      code: 'upstream_timeout',
      message: 'A service did not answer in time; the request may or may not have been applied.',
      details: {},
    };
    return { status: 503, body, unexpected: false };
  }
  if (error instanceof MessageBusClosedError) {
    const body = {
      code: 'shutting_down',
      message: 'The gateway is shutting down; the request may or may not have been applied.',
      details: {},
    };
    return { status: 503, body, unexpected: false };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    return { status, body: { code: codeForStatus(status), message: messageOf(error), details: {} }, unexpected: false };
  }
  const refused = fastifyClientError(error);
  if (refused)
    return {
      status: refused.status,
      body: { code: codeForStatus(refused.status), message: refused.message, details: {} },
      unexpected: false,
    };
  return { status: 500, body: INTERNAL_ERROR, unexpected: true };
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return error.message;
}

/**
 * Fastify's own errors (codes `FST_ERR_*`) mark the ones a client caused with a 4xx `statusCode`;
 * their message is written for clients.
 */
function fastifyClientError(error: unknown): { status: number; message: string } | null {
  if (!(error instanceof Error)) return null;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (
    typeof code !== 'string' ||
    !code.startsWith('FST_') ||
    typeof statusCode !== 'number' ||
    statusCode < 400 ||
    statusCode >= 500
  )
    return null;
  return { status: statusCode, message: error.message };
}
