import { ok } from '@subledger/kernel';
import { invalidField } from './decode-error';
import type { FieldCodec } from './field-codec';
import { isPlainObject, joinPath } from './json';
import {
  decodeFields,
  encodeFields,
  type ObjectShape,
  objectShape,
  type Shape,
  type UnknownFields,
} from './object-codec';

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
