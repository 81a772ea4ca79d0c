import { err, ok, type Result } from '@subledger/kernel';
import { CHARGE_REFUSAL_REASONS, SPEND_STATUSES } from './ledger-event';
import type { ChargeRefusalReason, SpendStatus } from './ledger-event';

/** How one field of a ledger payload is read and checked. */
export type LedgerFieldKind =
  | 'id'
  | 'optionalId'
  | 'text'
  | 'nonEmptyText'
  | 'optionalText'
  | 'currency'
  | 'time'
  | 'micros'
  | 'positiveMicros'
  | 'nonZeroMicros'
  | 'nonNegativeMicros'
  | 'microsOrNull'
  | 'nonNegativeMicrosOrNull'
  | 'spendStatus'
  | 'chargeRefusalReason';

type MicrosKind = 'micros' | 'positiveMicros' | 'nonZeroMicros' | 'nonNegativeMicros';
type LimitKind = 'microsOrNull' | 'nonNegativeMicrosOrNull';
type StringKind = 'id' | 'text' | 'nonEmptyText' | 'currency';

type KindFor<V> = [V] extends [bigint]
  ? MicrosKind
  : [V] extends [bigint | null]
    ? LimitKind
    : [V] extends [number]
      ? 'time'
      : [V] extends [SpendStatus]
        ? 'spendStatus'
        : [V] extends [ChargeRefusalReason]
          ? 'chargeRefusalReason'
          : [V] extends [string]
            ? StringKind
            : never;

type Described<T> = Exclude<keyof T, 'type' | 'schemaVersion'>;

/**
 * One kind per field of T, checked by the compiler: a field added to a contract without a kind,
 * or given a kind of the wrong type, fails to build.
 */
export type LedgerFieldKinds<T> = {
  readonly [K in Described<T>]-?: object extends Pick<T, K> ? 'optionalId' | 'optionalText' : KindFor<T[K]>;
};

/** Field kinds for every member of a `type`-tagged union, keyed by its type. */
export type LedgerFieldKindsByType<U extends { readonly type: string }> = {
  readonly [T in U['type']]: LedgerFieldKinds<Extract<U, { readonly type: T }>>;
};

// SQL bigint columns hold signed 64-bit integers; anything wider could never be stored.
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL = /^-?(0|[1-9][0-9]{0,18})$/;
const CURRENCY = /^[a-z]{3}$/;

export function readLedgerField(kind: LedgerFieldKind, raw: unknown): Result<unknown, string> {
  switch (kind) {
    case 'id':
    case 'nonEmptyText':
      return typeof raw === 'string' && raw.length > 0 ? ok(raw) : err('must be a non-empty string');
    case 'optionalId':
      return raw === undefined ? ok(undefined) : readLedgerField('id', raw);
    case 'text':
      return typeof raw === 'string' ? ok(raw) : err('must be a string');
    case 'optionalText':
      return raw === undefined ? ok(undefined) : readLedgerField('text', raw);
    case 'currency':
      return typeof raw === 'string' && CURRENCY.test(raw) ? ok(raw) : err('must be three lower-case letters');
    case 'time':
      return Number.isSafeInteger(raw) && (raw as number) >= 0 ? ok(raw) : err('must be epoch milliseconds');
    case 'micros':
    case 'positiveMicros':
    case 'nonZeroMicros':
    case 'nonNegativeMicros':
      return readMicros(kind, raw);
    case 'microsOrNull':
      return raw === null ? ok(null) : readMicros('micros', raw);
    case 'nonNegativeMicrosOrNull':
      return raw === null ? ok(null) : readMicros('nonNegativeMicros', raw);
    case 'spendStatus':
      return readOneOf(SPEND_STATUSES, raw);
    case 'chargeRefusalReason':
      return readOneOf(CHARGE_REFUSAL_REASONS, raw);
    default: {
      const unknownKind: never = kind;
      return err(`has an unknown kind ${String(unknownKind)}`);
    }
  }
}

function readMicros(kind: MicrosKind, raw: unknown): Result<unknown, string> {
  if (typeof raw !== 'string' || !DECIMAL.test(raw) || raw === '-0') {
    return err('must be an integer amount of micros written as a decimal string');
  }
  const amount = BigInt(raw);
  if (amount < INT64_MIN || amount > INT64_MAX) return err('must fit in a signed 64-bit integer');
  switch (kind) {
    case 'micros':
      return ok(amount);
    case 'positiveMicros':
      return amount > 0n ? ok(amount) : err('must be greater than zero');
    case 'nonZeroMicros':
      return amount !== 0n ? ok(amount) : err('must not be zero');
    case 'nonNegativeMicros':
      return amount >= 0n ? ok(amount) : err('must not be negative');
    default: {
      const unknownKind: never = kind;
      return err(`has an unknown kind ${String(unknownKind)}`);
    }
  }
}

function readOneOf(allowed: readonly string[], raw: unknown): Result<unknown, string> {
  return typeof raw === 'string' && allowed.includes(raw) ? ok(raw) : err(`must be one of ${allowed.join(', ')}`);
}
