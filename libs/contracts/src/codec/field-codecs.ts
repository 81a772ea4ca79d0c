import { type JsonObject, ok } from '@subledger/kernel';
import type { CurrencyCode } from '@subledger/money';
import { decodeFailure, invalidField } from './decode-error';
import { type FieldCodec, required } from './field-codec';
import { isPlainObject, joinPath } from './json';

export const text = required('must be a string', (value): value is string => typeof value === 'string');

/** Ids and reasons that must say something. */
export const nonEmptyText = required(
  'must be a non-empty string',
  (value): value is string => typeof value === 'string' && value.length > 0,
);

export const safeInteger = required('must be a safe integer', (value): value is number => Number.isSafeInteger(value));

export const epochMs = required(
  'must be epoch milliseconds',
  (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0,
);

const CURRENCY = /^[a-z]{3}$/;

/** A lower-case ISO 4217 code, as the ledger keeps it. */
export const currency = required(
  'must be three lower-case letters',
  (value): value is CurrencyCode => typeof value === 'string' && CURRENCY.test(value),
);

export function oneOf<const T extends readonly (string | number)[]>(...values: T): FieldCodec<T[number]> {
  return required(`must be one of ${values.join(', ')}`, (value): value is T[number] =>
    values.includes(value as T[number]),
  );
}

/** The version a payload's shape was written with: another one is refused as unsupported, not as invalid. */
export function schemaVersion<const V extends number>(version: V): FieldCodec<V> {
  return {
    optional: false,
    encode: (value) => value,
    decode: (value, path) =>
      value === version
        ? ok(version)
        : decodeFailure('unsupported_schema_version', `${path} ${JSON.stringify(value)} is not ${version}`, path),
  };
}

export function nullable<T>(codec: FieldCodec<T>): FieldCodec<T | null> {
  return {
    optional: false,
    encode: (value) => (value === null ? null : codec.encode(value)),
    decode: (value, path) => (value === null ? ok(null) : codec.decode(value, path)),
  };
}

/** Absent is allowed; null is not, unless the field's codec takes it. */
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
      if (!Array.isArray(value)) return invalidField(path, 'must be an array');
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
    if (!isPlainObject(value)) return invalidField(path, 'must be an object of scalars');
    const entries = Object.entries(value);
    const bad = entries.find(([, item]) => !isScalar(item));
    if (bad) return invalidField(joinPath(path, bad[0]), 'must be a string, number, boolean or null');
    return ok(Object.fromEntries(entries) as Record<string, string | number | boolean | null>);
  },
};

export const flag = required('must be true or false', (value): value is boolean => typeof value === 'boolean');

/** Any JSON value: what JSON.parse could have returned, with plain objects only. */
function isJson(value: unknown): boolean {
  if (isScalar(value)) return true;
  if (Array.isArray(value)) return value.every(isJson);
  return isPlainObject(value) && Object.values(value).every(isJson);
}

/** A free-form JSON object, such as a message's metadata stored as sent: any JSON within, bigints none. */
export const jsonRecord: FieldCodec<Readonly<Record<string, unknown>>> = {
  optional: false,
  encode: (value) => value as JsonObject,
  decode: (value, path) =>
    isPlainObject(value) && isJson(value) ? ok(value) : invalidField(path, 'must be an object of JSON values'),
};
