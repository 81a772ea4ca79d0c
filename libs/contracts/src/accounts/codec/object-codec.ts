import { ok, type Result } from '@subledger/kernel';
import {
  type DecodeError,
  FieldCodec,
  invalidField,
  isPlainObject,
  JsonObject,
  JsonValue,
  joinPath,
} from './json-codec';

/** One codec per property of T, checked by the compiler against T's own fields. */
export type Shape<T> = { readonly [K in keyof T]-?: FieldCodec<T[K]> };

/** Encodes the shape's fields; an absent optional field stays absent. */
export function encodeObject<T>(shape: Shape<T>, value: T): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const field = value[key];
    if (field === undefined) continue;
    out[key] = shape[key].encode(field);
  }
  return out;
}

/**
 * Decodes exactly the shape's fields: a missing required field or an unknown extra field is an
 * error, so a payload from a newer or broken producer is refused rather than half-read.
 */
export function decodeObject<T>(
  shape: Shape<T>,
  value: unknown,
  path: string,
  ignore: readonly string[] = [],
): Result<T, DecodeError> {
  if (!isPlainObject(value)) return invalidField(path, 'object');
  const extra = Object.keys(value).find((key) => !Object.hasOwn(shape, key) && !ignore.includes(key));
  if (extra !== undefined) return invalidField(joinPath(path, extra), 'no such field');
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const codec = shape[key];
    if (!Object.hasOwn(value, key)) {
      if (codec.optional) continue;
      return invalidField(joinPath(path, key), 'a value');
    }
    const result = codec.decode(value[key], joinPath(path, key));
    if (!result.ok) return result;
    entries.push([key, result.value]);
  }
  return ok(Object.fromEntries(entries) as T);
}

export function object<T>(shape: Shape<T>): FieldCodec<T> {
  return {
    optional: false,
    encode: (value) => encodeObject(shape, value) as JsonObject,
    decode: (value, path) => decodeObject(shape, value, path),
  };
}
