import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidRequest } from '../errors/field-error';
import { ApiError } from '../shared/api-error';
import { exceedsNestingDepth, findUnsafeJsonValues, MAX_JSON_DEPTH } from './json-body-checks';
import { classifyContentType } from './json-media-type';
import { announcesBody, BodyTooLargeError, readBody } from './read-body';

/** SPEC §3: bodies over 64 KiB are refused. */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyRequest = IncomingMessage & { body?: unknown };
type Next = (error?: unknown) => void;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The gateway's only body parser: JSON objects of at most 64 KiB in UTF-8, checked for nesting
 * depth and unsafe keys and numbers before any handler, pipe or interceptor sees them. Every refusal
 * is an ApiError handed to Nest's error handler, so the exception filter writes it like any other.
 * A request without a body gets `{}`.
 */
export function jsonBodyMiddleware(limitBytes = MAX_BODY_BYTES) {
  return function gatewayJsonBody(request: BodyRequest, _response: ServerResponse, next: Next): void {
    if (!announcesBody(request)) {
      request.body = {};
      return next();
    }
    const refusal = refuseHeaders(request);
    if (refusal) {
      request.resume();
      return next(refusal);
    }
    readBody(request, limitBytes).then(
      (raw) => {
        try {
          request.body = parseJsonObject(raw);
          next();
        } catch (error) {
          next(error);
        }
      },
      (error: unknown) =>
        next(
          error instanceof BodyTooLargeError
            ? new ApiError(413, 'payload_too_large', `The request body must be at most ${limitBytes} bytes.`, { limitBytes })
            : new ApiError(400, 'invalid_request', 'The request body could not be read.'),
        ),
    );
  };
}

function refuseHeaders(request: IncomingMessage): ApiError | null {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') return new ApiError(415, 'unsupported_media_type', `Content-Encoding ${encoding} is not supported; send the body uncompressed.`);
  switch (classifyContentType(request.headers['content-type'])) {
    case 'json':
      return null;
    case 'not_json':
      return new ApiError(415, 'unsupported_media_type', 'Request bodies must be sent as Content-Type: application/json.');
    case 'unsupported_charset':
      return new ApiError(415, 'unsupported_media_type', 'JSON request bodies must be encoded in UTF-8.');
  }
}

/** Parses a body into a plain object, or throws the ApiError that says why it is not one. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return {};
  if (exceedsNestingDepth(text, MAX_JSON_DEPTH)) throw invalidRequest([], `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  // `null` is what some clients send for an operation whose body is optional and was omitted.
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest([], 'The request body must be a JSON object.');
  const unsafe = findUnsafeJsonValues(value);
  if (unsafe.length > 0) throw invalidRequest(unsafe);
  return value as Record<string, unknown>;
}
