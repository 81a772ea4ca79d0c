import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { MessageBusClosedError, RequestTimeoutError } from '@subledger/messaging';
import { ApiError } from '../shared/api-error';
import { errorResponseOf } from './error-response';

describe('errorResponseOf', () => {
  it('writes an ApiError as it is, details included', () => {
    expect(
      errorResponseOf(new ApiError(402, 'insufficient_balance', 'Not enough money.', { balance: 5, cost: 7 })),
    ).toEqual({
      status: 402,
      body: { code: 'insufficient_balance', message: 'Not enough money.', details: { balance: 5, cost: 7 } },
      unexpected: false,
    });
  });

  it.each([
    [new NotFoundException('Cannot GET /nope'), 404, 'not_found', 'Cannot GET /nope'],
    [
      new BadRequestException('Validation failed (uuid is expected)'),
      400,
      'invalid_request',
      'Validation failed (uuid is expected)',
    ],
    [new BadRequestException(['a is bad', 'b is bad']), 400, 'invalid_request', 'a is bad; b is bad'],
    [new PayloadTooLargeException(), 413, 'payload_too_large', 'Payload Too Large'],
    [new ThrottlerException(), 429, 'rate_limited', 'ThrottlerException: Too Many Requests'],
    [new HttpException('Nope', 418), 418, 'invalid_request', 'Nope'],
  ])('maps a framework client error %# to its status and code', (error, status, code, message) => {
    expect(errorResponseOf(error)).toEqual({ status, body: { code, message, details: {} }, unexpected: false });
  });

  it('answers a bus timeout with 503 upstream_timeout', () => {
    const { status, body, unexpected } = errorResponseOf(new RequestTimeoutError('accounts.queries', 5000));
    expect({ status, code: body.code, unexpected }).toEqual({
      status: 503,
      code: 'upstream_timeout',
      unexpected: false,
    });
    expect(body.message).not.toContain('accounts.queries');
  });

  it('answers a request the closing bus gave up on with 503 shutting_down', () => {
    const { status, body, unexpected } = errorResponseOf(new MessageBusClosedError());
    expect({ status, code: body.code, unexpected }).toEqual({ status: 503, code: 'shutting_down', unexpected: false });
  });

  it("maps Fastify's client errors by their status", () => {
    const error = Object.assign(new Error("'/a/%E0' is not a valid url component"), {
      code: 'FST_ERR_BAD_URL',
      statusCode: 400,
    });
    expect(errorResponseOf(error)).toEqual({
      status: 400,
      body: { code: 'invalid_request', message: "'/a/%E0' is not a valid url component", details: {} },
      unexpected: false,
    });
  });

  it.each([
    ['a plain Error', new Error('relation "secret_table" does not exist at /srv/app/x.ts:12')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a 5xx HttpException', new InternalServerErrorException('db password is hunter2')],
    [
      'an error with a client status but no Fastify code',
      Object.assign(new Error('internal detail'), { statusCode: 400 }),
    ],
    [
      'a Fastify error of the server',
      Object.assign(new Error('internal detail'), { code: 'FST_ERR_ASYNC_CONSTRAINT', statusCode: 500 }),
    ],
    ['a thrown string', 'boom'],
    ['null', null],
  ])('hides %s behind 500 internal_error and flags it for the log', (_, error) => {
    expect(errorResponseOf(error)).toEqual({
      status: 500,
      body: { code: 'internal_error', message: 'An unexpected error occurred.', details: {} },
      unexpected: true,
    });
  });
});
