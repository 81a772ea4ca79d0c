import type { FieldViolation, ViolationReason } from '@subledger/contracts';
import type { FieldError } from '../errors';

/** The end of a sentence that starts with the field's path: "name must not be empty". */
const REASON_TEXT: Record<ViolationReason, string> = {
  required: 'is required',
  not_a_string: 'must be a string',
  empty: 'must not be empty',
  blank: 'must not be only white space',
  too_long: 'is too long',
  wrong_length: 'has the wrong length',
  not_an_object: 'must be a JSON object',
  too_many_keys: 'has too many keys',
  too_large: 'is too large',
  not_a_number: 'must be a number',
  not_an_integer: 'must be an integer',
  negative: 'must not be negative',
  not_positive: 'must be greater than zero',
  not_whole_cents: 'must be a whole number of cents',
  not_an_array: 'must be an array',
  too_many_items: 'has too many items',
  duplicate: 'repeats an earlier value',
  not_allowed: 'is not an allowed value',
};

export function violationMessage(reason: ViolationReason): string {
  return REASON_TEXT[reason];
}

export function fieldErrorOf(violation: FieldViolation): FieldError {
  return { path: violation.field, message: `${violation.field} ${violationMessage(violation.reason)}` };
}
