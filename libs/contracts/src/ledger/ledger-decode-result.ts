export type LedgerDecodeReason =
  | 'invalid_json'
  | 'not_an_object'
  | 'unknown_type'
  | 'unsupported_schema_version'
  | 'invalid_field';

/** Why a ledger payload could not be read; `field` names the offending field when there is one. */
export interface LedgerDecodeError {
  readonly reason: LedgerDecodeReason;
  readonly field?: string;
  readonly message: string;
}

export type LedgerDecodeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: LedgerDecodeError };

export function decoded<T>(value: T): LedgerDecodeResult<T> {
  return { ok: true, value };
}

export function decodeFailure<T>(
  reason: LedgerDecodeReason,
  message: string,
  field?: string,
): LedgerDecodeResult<T> {
  return { ok: false, error: field === undefined ? { reason, message } : { reason, field, message } };
}
