import { MessageDecodeError, MessageEncodeError } from './message-codec.error';

/**
 * The first wire format, read for one release so that a rolling restart loses nothing
 * (docs/decisions.md, "Codecs"): records written with schema version 1 are read with it, and a
 * request of version 1 is answered in it. Remove once no instance of the release before runs.
 */
export const WIRE_V1 = '1';

const BIGINT_TAG = '$bigint';
const DECIMAL = /^-?(0|[1-9]\d*)$/;

/**
 * Plain data as JSON, with bigints (money in micros) written as `{"$bigint":"123"}` since JSON has
 * no integer beyond 2^53. Anything JSON would silently alter is refused, so that a value reads
 * back exactly as it was written, as it does on the in-process bus.
 */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    return tagged(this[key], replaced, key);
  });
}

export function decodeValue(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MessageDecodeError(error instanceof Error ? error.message : String(error));
  }
  return untagged(parsed);
}

/** `original` is the value before JSON's own toJSON step, which would turn a Date into a string. */
function tagged(original: unknown, replaced: unknown, key: string): unknown {
  switch (typeof original) {
    case 'bigint':
      return { [BIGINT_TAG]: original.toString() };
    case 'string':
    case 'boolean':
      return original;
    case 'number':
      if (!Number.isFinite(original)) throw new MessageEncodeError(`${String(original)} at "${key}"`);
      return original;
    case 'object':
      if (original === null || Array.isArray(original)) return replaced;
      if (!isPlainObject(original))
        throw new MessageEncodeError(`${original.constructor?.name ?? 'object'} instance at "${key}"`);
      if (BIGINT_TAG in original) throw new MessageEncodeError(`reserved key "${BIGINT_TAG}" at "${key}"`);
      return replaced;
    case 'undefined':
      // JSON drops an undefined property, as an absent optional field reads back the same.
      return replaced;
    case 'function':
    case 'symbol':
      throw new MessageEncodeError(`${typeof original} at "${key}"`);
    default:
      throw new MessageEncodeError(`unknown type ${typeof original} at "${key}"`);
  }
}

function untagged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untagged);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (BIGINT_TAG in record) return bigintOf(record);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) result[key] = untagged(item);
  return result;
}

function bigintOf(record: Record<string, unknown>): bigint {
  const digits = record[BIGINT_TAG];
  if (Object.keys(record).length !== 1 || typeof digits !== 'string' || !DECIMAL.test(digits)) {
    throw new MessageDecodeError(`malformed ${BIGINT_TAG} ${JSON.stringify(record)}`);
  }
  return BigInt(digits);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
