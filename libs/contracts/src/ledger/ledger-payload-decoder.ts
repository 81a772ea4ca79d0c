import { ok, type Result } from '@subledger/kernel';
import { decodeFailure, type LedgerDecodeError } from './ledger-decode-error';
import { readLedgerField } from './ledger-field-reader';
import type { LedgerFieldKind } from './ledger-field-reader';

type FieldKindsByType = Readonly<Record<string, Readonly<Record<string, LedgerFieldKind>>>>;

/**
 * Reads a `type`-tagged payload against the field kinds of its type. Known fields only are
 * copied, so what comes out has exactly the contract's shape; unknown fields are dropped.
 */
export function decodeTaggedPayload<T>(
  json: unknown,
  kindsByType: FieldKindsByType,
  schemaVersion?: number,
): Result<T, LedgerDecodeError> {
  if (!isRecord(json)) return decodeFailure('not_an_object', 'a ledger payload must be a JSON object');
  const type = json['type'];
  if (typeof type !== 'string' || !Object.hasOwn(kindsByType, type)) {
    return decodeFailure('unknown_type', `unknown ledger payload type ${JSON.stringify(type)}`, 'type');
  }
  if (schemaVersion !== undefined && json['schemaVersion'] !== schemaVersion) {
    const found = JSON.stringify(json['schemaVersion']);
    const message = `${type} schemaVersion ${found} is not ${schemaVersion}`;
    return decodeFailure('unsupported_schema_version', message, 'schemaVersion');
  }
  const value: Record<string, unknown> = schemaVersion === undefined ? { type } : { type, schemaVersion };
  const kinds = kindsByType[type];
  for (const field in kinds) {
    const read = readLedgerField(kinds[field], json[field]);
    if (!read.ok) return decodeFailure('invalid_field', `${type}.${field} ${read.error}`, field);
    if (read.value !== undefined) value[field] = read.value;
  }
  return ok(value as T);
}

export function parseLedgerJsonText(text: string): Result<unknown, LedgerDecodeError> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return decodeFailure('invalid_json', 'the payload is not valid JSON');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
