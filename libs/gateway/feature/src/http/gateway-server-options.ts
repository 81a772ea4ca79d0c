import type { FastifyServerOptions } from 'fastify';
import { sendErrorResponse } from '../errors/error-reply';
import { errorResponseOf } from '../errors/error-response';
import { invalidRequest } from '../errors/field-error';
import { answerClientError } from './client-error';

/**
 * The gateway's own Fastify options: the errors Fastify meets before any route or hook runs (a URL
 * that is not validly percent-encoded, bytes that are not HTTP) are answered in the docs/contract.md §3 shape too.
 */
export const gatewayServerOptions: FastifyServerOptions = {
  frameworkErrors: (error, _request, reply) => {
    const refusal =
      error.code === 'FST_ERR_BAD_URL'
        ? invalidRequest([{ path: 'url', message: 'the URL is not validly percent-encoded' }])
        : error;
    sendErrorResponse(reply, errorResponseOf(refusal));
  },
  clientErrorHandler: answerClientError,
};
