import { andThen, type JsonValue, type Result } from '@subledger/kernel';
import type { DecodeError } from './decode-error';
import { parseJsonText } from './json';

/** A payload as text on a transport: JSON written and read back through the payload's own codec. */
export interface WireCodec<T> {
  encode(value: T): string;
  decode(raw: string): Result<T, DecodeError>;
}

/** A union codec, or a field codec read at the top level. */
interface PayloadCodec<T> {
  encode(value: T): JsonValue;
  decode(json: unknown, path: string): Result<T, DecodeError>;
}

export function wireCodec<T>(codec: PayloadCodec<T>): WireCodec<T> {
  return {
    encode: (value) => JSON.stringify(codec.encode(value)),
    decode: (raw) => andThen(parseJsonText(raw), (json) => codec.decode(json, '')),
  };
}
