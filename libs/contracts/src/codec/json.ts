import { err, ok, type Result } from '@subledger/kernel';
import type { DecodeError } from './decode-error';

/** JSON.parse without the exception: a broken payload is a value like any other refusal. */
export function parseJsonText(text: string): Result<unknown, DecodeError> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err({ reason: 'invalid_json', message: 'the payload is not valid JSON' });
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function joinPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}
