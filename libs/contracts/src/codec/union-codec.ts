import { andThen, type JsonObject, type Result } from '@subledger/kernel';
import { type DecodeError, decodeFailure } from './decode-error';
import { isPlainObject, parseJsonText } from './json';
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
