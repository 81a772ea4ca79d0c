import { type JsonValue, ok, type Result } from '@subledger/kernel';
import { type DecodeError, invalidField } from './decode-error';

/** Encodes one field to JSON and decodes it back, checking its shape on the way in. */
export interface FieldCodec<T> {
  /** An optional field may be absent; it is then left out of the decoded object too. */
  readonly optional: boolean;
  encode(value: T): JsonValue;
  /** `value` is undefined when the field is absent: a required field's codec refuses it. */
  decode(value: unknown, path: string): Result<T, DecodeError>;
}

/** A field whose JSON is the value itself, accepted when `accepts` holds; else `problem` ('must be a string'). */
export function required<T>(
  problem: string,
  accepts: (value: unknown) => value is T,
  encode: (value: T) => JsonValue = (value) => value as JsonValue,
): FieldCodec<T> {
  return {
    optional: false,
    encode,
    decode: (value, path) => (accepts(value) ? ok(value) : invalidField(path, problem)),
  };
}
