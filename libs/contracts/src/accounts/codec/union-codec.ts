import { andThen, err, ok, type Result } from '@subledger/kernel';
import { type DecodeError, isPlainObject, invalidField, JsonObject, parseJsonText } from './json-codec';
import { decodeObject, encodeObject, Shape } from './object-codec';

type Variant<U, K> = Omit<Extract<U, { type: K }>, 'type'>;

/** The field codecs of every member of a union discriminated by `type`. */
export type Variants<U extends { type: string }> = { readonly [K in U['type']]: Shape<Variant<U, K>> };

export interface UnionCodec<U> {
  encode(value: U): JsonObject;
  decode(json: unknown): Result<U, DecodeError>;
  /** Parses JSON text and decodes it; malformed text is a decode error too. */
  decodeText(text: string): Result<U, DecodeError>;
}

export function unionCodec<U extends { type: string }>(variants: Variants<U>): UnionCodec<U> {
  const shapeOf = (type: U['type']): Shape<Variant<U, U['type']>> => variants[type];
  const decode = (json: unknown): Result<U, DecodeError> => {
    if (!isPlainObject(json)) return invalidField('', 'object');
    const type = json['type'];
    if (typeof type !== 'string') return invalidField('type', 'string');
    if (!Object.hasOwn(variants, type)) return err({ type: 'unknown_type', received: type });
    const fields = decodeObject(shapeOf(type as U['type']), json, '', ['type']);
    return fields.ok ? ok({ type, ...fields.value } as unknown as U) : fields;
  };
  return {
    encode: (value) => {
      const fields = value as unknown as Variant<U, U['type']>;
      return { type: value.type, ...encodeObject(shapeOf(value.type), fields) };
    },
    decode,
    decodeText: (text) => andThen(parseJsonText(text), decode),
  };
}
