import { ok } from '@subledger/kernel';
import { type Micros, parseMicros } from '@subledger/money';
import { FieldCodec, invalidField, isPlainObject, JsonObject, JsonValue, joinPath } from './json-codec';

function required<T>(
  expected: string,
  accepts: (value: unknown) => value is T,
  encode: (value: T) => JsonValue = (value) => value as JsonValue,
): FieldCodec<T> {
  return {
    optional: false,
    encode,
    decode: (value, path) => (accepts(value) ? ok(value) : invalidField(path, expected)),
  };
}

export const text = required('string', (value): value is string => typeof value === 'string');

export const safeInteger = required('safe integer', (value): value is number => Number.isSafeInteger(value));

export const epochMs = required(
  'epoch milliseconds',
  (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0,
);

/** Non-negative micros, written as decimal strings: JSON numbers lose precision past 2^53. */
export const micros: FieldCodec<Micros> = {
  optional: false,
  encode: (value) => value.toString(),
  decode: (value, path) => {
    const amount = parseMicros(value);
    return amount.ok ? ok(amount.value) : invalidField(path, 'non-negative micros as a decimal string');
  },
};

export function oneOf<const T extends readonly (string | number)[]>(...values: T): FieldCodec<T[number]> {
  return required(values.join(' | '), (value): value is T[number] => values.includes(value as T[number]));
}

export function nullable<T>(codec: FieldCodec<T>): FieldCodec<T | null> {
  return {
    optional: false,
    encode: (value) => (value === null ? null : codec.encode(value)),
    decode: (value, path) => (value === null ? ok(null) : codec.decode(value, path)),
  };
}

export function optional<T>(codec: FieldCodec<T>): FieldCodec<T | undefined> {
  return {
    optional: true,
    encode: (value) => (value === undefined ? null : codec.encode(value)),
    decode: (value, path) => codec.decode(value, path),
  };
}

export function list<T>(codec: FieldCodec<T>): FieldCodec<readonly T[]> {
  return {
    optional: false,
    encode: (values) => values.map((value) => codec.encode(value)),
    decode: (value, path) => {
      if (!Array.isArray(value)) return invalidField(path, 'array');
      const items: T[] = [];
      for (const [index, item] of value.entries()) {
        const result = codec.decode(item, joinPath(path, index));
        if (!result.ok) return result;
        items.push(result.value);
      }
      return ok(items);
    },
  };
}

/** A JSON scalar as metadata holds it; a number must be finite, as JSON allows no other. */
function isScalar(value: unknown): value is string | number | boolean | null {
  if (typeof value === 'number') return Number.isFinite(value);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

/** A plain object of JSON scalar values, rebuilt with own properties only (no prototype tricks). */
export const scalarRecord: FieldCodec<Readonly<Record<string, string | number | boolean | null>>> = {
  optional: false,
  encode: (value) => ({ ...value }) as JsonObject,
  decode: (value, path) => {
    if (!isPlainObject(value)) return invalidField(path, 'object of scalars');
    const entries = Object.entries(value);
    const bad = entries.find(([, item]) => !isScalar(item));
    if (bad) return invalidField(joinPath(path, bad[0]), 'string, number, boolean or null');
    return ok(Object.fromEntries(entries) as Record<string, string | number | boolean | null>);
  },
};
