import { andThen, type JsonObject, ok, type Result } from '@subledger/kernel';
import { type DecodeError, decodeFailure, invalidField } from './decode-error';
import type { FieldCodec } from './field-codec';
import { isPlainObject, joinPath, parseJsonText } from './json';
import {
  decodeFields,
  encodeFields,
  type ObjectShape,
  objectShape,
  type Shape,
  type UnknownFields,
} from './object-codec';

type Variant<U, K> = Omit<Extract<U, { type: K }>, 'type'>;

/** The field codecs of every member of a union discriminated by `type`. */
export type Variants<U extends { type: string }> = { readonly [K in U['type']]: Shape<Variant<U, K>> };

/** Reads and writes a `type`-tagged union: the events and commands of a domain. */
export interface UnionCodec<U> {
  /** `type` first, then the member's fields in the order its shape lists them. */
  encode(value: U): JsonObject;
  decode(json: unknown): Result<U, DecodeError>;
  /** Parses JSON text and decodes it; malformed text is a decode error too. */
  decodeText(text: string): Result<U, DecodeError>;
}

/** Unknown fields are refused unless `unknownFields` is `drop`. */
export function unionCodec<U extends { type: string }>(
  variants: Variants<U>,
  unknownFields: UnknownFields = 'refuse',
): UnionCodec<U> {
  const shapes = new Map<string, ObjectShape<Variant<U, U['type']>>>();
  for (const type of Object.keys(variants) as U['type'][]) shapes.set(type, objectShape(variants[type]));

  const decode = (json: unknown): Result<U, DecodeError> => {
    if (!isPlainObject(json)) return decodeFailure('not_an_object', 'a payload must be a JSON object');
    const type = json['type'];
    const fields = typeof type === 'string' ? shapes.get(type) : undefined;
    if (fields === undefined) return decodeFailure('unknown_type', `unknown type ${JSON.stringify(type)}`, 'type');
    const decoded = decodeFields(fields, json, '', { type }, unknownFields, 'type');
    if (decoded.ok) return decoded as unknown as Result<U, DecodeError>;
    return decodeFailure(decoded.error.reason, `${type}.${decoded.error.message}`, decoded.error.field);
  };
  return {
    encode: (value) => {
      const fields = shapes.get(value.type);
      if (fields === undefined) throw new Error(`No codec for type ${JSON.stringify(value.type)}`);
      return encodeFields(fields, value as unknown as Variant<U, U['type']>, { type: value.type });
    },
    decode,
    decodeText: (text) => andThen(parseJsonText(text), decode),
  };
}

type Member<U, K extends keyof U, T> = Omit<Extract<U, { readonly [P in K]: T }>, K>;

/** The field codecs of every member of a union discriminated by the string field `K`. */
export type TaggedVariants<U, K extends keyof U & string> = {
  readonly [T in U[K] & string]: Shape<Member<U, K, T>>;
};

/**
 * A union nested in a payload, told apart by the string field `key` (`type` for outcomes, `reason`
 * for the ledger's refusals): the tag first, then the member's fields in its shape's order.
 */
export function taggedUnion<U, K extends keyof U & string>(
  key: K,
  variants: TaggedVariants<U, K>,
  unknownFields: UnknownFields = 'refuse',
): FieldCodec<U> {
  const shapes = new Map<string, ObjectShape<unknown>>();
  for (const tag of Object.keys(variants))
    shapes.set(tag, objectShape(variants[tag as U[K] & string] as Shape<unknown>));
  return {
    optional: false,
    encode: (value) => {
      const tag = value[key] as string;
      const fields = shapes.get(tag);
      if (fields === undefined) throw new Error(`No codec for ${key} ${JSON.stringify(tag)}`);
      return encodeFields(fields, value, { [key]: tag });
    },
    decode: (value, path) => {
      if (!isPlainObject(value)) return invalidField(path, 'must be an object');
      const tag = value[key];
      const fields = typeof tag === 'string' ? shapes.get(tag) : undefined;
      if (fields === undefined)
        return invalidField(joinPath(path, key), `${JSON.stringify(tag)} is not a known ${key}`);
      const decoded = decodeFields(fields, value, path, { [key]: tag }, unknownFields, key);
      return decoded.ok ? ok(decoded.value as U) : decoded;
    },
  };
}
