import { err, type Err, ok, type Result } from '@subledger/kernel';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** Why a payload could not be decoded; decoding never throws. */
export type DecodeError =
  | { readonly type: 'malformed_json' }
  | { readonly type: 'unknown_type'; readonly received: string }
  | { readonly type: 'invalid_field'; readonly path: string; readonly expected: string };

/** Encodes one field to JSON and decodes it back, checking its shape on the way in. */
export interface FieldCodec<T> {
  /** An optional field may be absent; it is then left out of the decoded object too. */
  readonly optional: boolean;
  encode(value: T): JsonValue;
  decode(value: unknown, path: string): Result<T, DecodeError>;
}

export function invalidField(path: string, expected: string): Err<DecodeError> {
  return err({ type: 'invalid_field', path, expected });
}

/** JSON.parse without the exception: a broken payload is a value like any other refusal. */
export function parseJsonText(text: string): Result<unknown, DecodeError> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err({ type: 'malformed_json' });
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function joinPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}
