import type { FieldViolation } from '@subledger/contracts';

type Check = (value: unknown) => FieldViolation['reason'] | null;

const text: Check = (value) => (typeof value !== 'string' ? 'not_a_string' : value.length === 0 ? 'empty' : null);
const anyText: Check = (value) => (typeof value === 'string' ? null : 'not_a_string');
const nullable =
  (check: Check): Check =>
  (value) =>
    value === null ? null : check(value);
const object: Check = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'not_an_object';
const count: Check = (value) =>
  !Number.isSafeInteger(value) ? 'not_an_integer' : (value as number) < 0 ? 'negative' : null;
const micros: Check = (value) => (typeof value !== 'bigint' ? 'not_an_integer' : value < 0n ? 'negative' : null);
const flag: Check = (value) => (typeof value === 'boolean' ? null : 'not_allowed');
const status: Check = (value) =>
  value === 'sent' || value === 'delivered' || value === 'failed' ? null : 'not_allowed';

const NEW_MESSAGE: Readonly<Record<string, Check>> = {
  id: text,
  accountId: text,
  to: anyText,
  channel: text,
  messageType: text,
  text: nullable(anyText),
  subject: nullable(anyText),
  htmlBody: nullable(anyText),
  metadata: nullable(object),
  extra: nullable(object),
  cost: micros,
  units: count,
  isTest: flag,
  chargeId: nullable(text),
};

const STEP: Readonly<Record<string, Check>> = { messageId: text, status, errorCode: nullable(anyText) };
const USAGE: Readonly<Record<string, Check>> = { keyId: text, at: count };

/**
 * The fields of the gathered commands, checked when consumed. The gateway and the carrier build
 * them, so a violation means a broken producer; it is answered as `invalid` (and a record is then
 * not refunded: nothing says its charge is ours to refund) instead of failing the whole group.
 */
export function recordMessageViolations(command: {
  readonly message?: unknown;
  readonly at?: unknown;
}): FieldViolation[] {
  return [...fieldViolations(command.message, NEW_MESSAGE, 'message.'), ...fieldViolations(command.at, count, 'at')];
}

export function deliveryStepViolations(step: unknown, prefix = ''): FieldViolation[] {
  return fieldViolations(step, STEP, prefix);
}

export function atViolations(at: unknown): FieldViolation[] {
  return fieldViolations(at, count, 'at');
}

export function keyUsageViolations(usages: unknown): FieldViolation[] {
  if (!Array.isArray(usages)) return [{ field: 'usages', reason: 'not_an_array' }];
  return usages.flatMap((usage, i) => fieldViolations(usage, USAGE, `usages.${i}.`));
}

function fieldViolations(
  value: unknown,
  checks: Check | Readonly<Record<string, Check>>,
  path: string,
): FieldViolation[] {
  if (typeof checks === 'function') {
    const reason = checks(value);
    return reason === null ? [] : [{ field: path, reason }];
  }
  if (object(value) !== null) return [{ field: path.replace(/\.$/, ''), reason: 'not_an_object' }];
  const fields = value as Record<string, unknown>;
  return Object.entries(checks).flatMap(([name, check]) => {
    const reason = Object.hasOwn(fields, name) ? check(fields[name]) : 'required';
    return reason === null ? [] : [{ field: `${path}${name}`, reason }];
  });
}
