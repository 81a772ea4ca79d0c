import { err, type Err } from '@subledger/kernel';

export type LedgerDecodeReason =
  'invalid_json' | 'not_an_object' | 'unknown_type' | 'unsupported_schema_version' | 'invalid_field';

/** Why a ledger payload could not be read; `field` names the offending field when there is one. */
export interface LedgerDecodeError {
  readonly reason: LedgerDecodeReason;
  readonly field?: string;
  readonly message: string;
}

export function decodeFailure(reason: LedgerDecodeReason, message: string, field?: string): Err<LedgerDecodeError> {
  return err(field === undefined ? { reason, message } : { reason, field, message });
}
