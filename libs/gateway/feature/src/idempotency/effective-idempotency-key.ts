import { invalidRequest } from '../errors/field-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The idempotency key a POST carries: the `Idempotency-Key` header, else the route's body field
 * (the header wins when both are sent: it is the mechanism every route shares, the body field a
 * convenience of one). Null when there is none; 400 `invalid_request` when the one used is unusable.
 */
export function effectiveIdempotencyKey(
  header: string | string[] | undefined,
  body: unknown,
  bodyField: string | undefined,
): string | null {
  if (header !== undefined) return checkedKey('Idempotency-Key', header);
  if (bodyField === undefined || !isObject(body) || body[bodyField] === undefined) return null;
  return checkedKey(bodyField, body[bodyField]);
}

function checkedKey(path: string, value: unknown): string {
  if (typeof value !== 'string') throw invalidRequest([{ path, message: `${path} must be a single string` }]);
  if (value.length === 0 || value.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw invalidRequest([{ path, message: `${path} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long` }]);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
