import { type JsonObject, type JsonValue, ok, type Result } from '@subledger/kernel';
import { type DecodeError, invalidField } from './decode-error';
import type { FieldCodec } from './field-codec';
import { isPlainObject, joinPath } from './json';

/** One codec per property of T, checked by the compiler against T's own fields. */
export type Shape<T> = { readonly [K in keyof T]-?: FieldCodec<T[K]> };

/**
 * What to do with a field the shape does not know: `refuse` a payload from a newer or broken
 * producer rather than half-read it, or `drop` it (a reader that tolerates additions).
 */
export type UnknownFields = 'refuse' | 'drop';

/** A shape with its field names listed once, in the order they are written. */
export interface ObjectShape<T> {
  readonly shape: Shape<T>;
  readonly keys: readonly (keyof T & string)[];
}

export function objectShape<T>(shape: Shape<T>): ObjectShape<T> {
  return { shape, keys: Object.keys(shape) as (keyof T & string)[] };
}

/** Encodes the shape's fields into `out`, in the shape's order; an absent optional field stays absent. */
export function encodeFields<T>({ shape, keys }: ObjectShape<T>, value: T, out: Record<string, JsonValue>): JsonObject {
  for (const key of keys) {
    const field = value[key];
    if (field !== undefined) out[key] = shape[key].encode(field);
  }
  return out;
}

/**
 * Decodes the shape's fields into `out`, in the shape's order. A field holding undefined counts as
 * absent (values handed over in process may carry one); `skip` names fields read before the shape.
 */
export function decodeFields<T>(
  { shape, keys }: ObjectShape<T>,
  value: Record<string, unknown>,
  path: string,
  out: Record<string, unknown>,
  unknownFields: UnknownFields,
  skip?: string,
): Result<T, DecodeError> {
  if (unknownFields === 'refuse') {
    for (const key in value) {
      if (key !== skip && !Object.hasOwn(shape, key)) return invalidField(joinPath(path, key), 'is not a known field');
    }
  }
  for (const key of keys) {
    const codec = shape[key];
    const field = Object.hasOwn(value, key) ? value[key] : undefined;
    if (field === undefined && codec.optional) continue;
    const result = codec.decode(field, joinPath(path, key));
    if (!result.ok) return result;
    if (result.value !== undefined) out[key] = result.value;
  }
  return ok(out as T);
}

/** A nested object: every field known, none more. */
export function object<T>(shape: Shape<T>): FieldCodec<T> {
  const fields = objectShape(shape);
  return {
    optional: false,
    encode: (value) => encodeFields(fields, value, {}),
    decode: (value, path) =>
      isPlainObject(value) ? decodeFields(fields, value, path, {}, 'refuse') : invalidField(path, 'must be an object'),
  };
}
