import { err, type Err } from '@subledger/kernel';

export type DecodeReason =
  'invalid_json' | 'not_an_object' | 'unknown_type' | 'unsupported_schema_version' | 'invalid_field';

/**
 * Why a payload could not be decoded; decoding never throws. `field` is the path of the offending
 * field (`amount`, `changes.name`, `reminders.0.dueAt`) when one is to blame, and `message` says
 * what it should have been, naming the payload's type once it is known.
 */
export interface DecodeError {
  readonly reason: DecodeReason;
  readonly field?: string;
  readonly message: string;
}

export function decodeFailure(reason: DecodeReason, message: string, field?: string): Err<DecodeError> {
  return err(field === undefined ? { reason, message } : { reason, field, message });
}

/** `problem` completes a sentence about the field: 'must be a string'. */
export function invalidField(path: string, problem: string): Err<DecodeError> {
  return decodeFailure('invalid_field', `${path} ${problem}`, path);
}
