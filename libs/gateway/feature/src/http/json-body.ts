import type { IncomingMessage } from 'node:http';
import { invalidRequest } from '../errors/field-error';
import { ApiError } from '../shared/api-error';
import { exceedsNestingDepth, findUnsafeJsonValues, MAX_JSON_DEPTH } from './json-body-checks';
import { classifyContentType } from './json-media-type';
import { announcesBody, BodyTooLargeError, discardBody, readBody } from './read-body';

/** docs/contract.md §3: bodies over 64 KiB are refused. */
export const MAX_BODY_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The gateway's only body reader: a JSON object of at most 64 KiB in UTF-8, checked for nesting
 * depth and unsafe keys and numbers before any guard, pipe or handler sees it. A request without a
 * body is `{}`. Every refusal is an ApiError, thrown once the rest of the body has been read and
 * discarded, so the connection can carry the answer and the next request.
 */
export async function readJsonBody(
  request: IncomingMessage,
  limitBytes = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  if (!announcesBody(request)) return {};
  const refusal = refuseHeaders(request);
  if (refusal) {
    await discardBody(request);
    throw refusal;
  }
  let raw: Buffer;
  try {
    raw = await readBody(request, limitBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      throw new ApiError(413, 'payload_too_large', `The request body must be at most ${limitBytes} bytes.`, {
        limitBytes,
      });
    throw new ApiError(400, 'invalid_request', 'The request body could not be read.');
  }
  return parseJsonObject(raw);
}

function refuseHeaders(request: IncomingMessage): ApiError | null {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity')
    return new ApiError(
      415,
      'unsupported_media_type',
      `Content-Encoding ${encoding} is not supported; send the body uncompressed.`,
    );
  switch (classifyContentType(request.headers['content-type'])) {
    case 'json':
      return null;
    case 'not_json':
      return new ApiError(
        415,
        'unsupported_media_type',
        'Request bodies must be sent as Content-Type: application/json.',
      );
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
  if (exceedsNestingDepth(text, MAX_JSON_DEPTH))
    throw invalidRequest([], `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  // `null` is what some clients send for an operation whose body is optional and was omitted.
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidRequest([], 'The request body must be a JSON object.');
  const unsafe = findUnsafeJsonValues(value);
  if (unsafe.length > 0) throw invalidRequest(unsafe);
  return value as Record<string, unknown>;
}
