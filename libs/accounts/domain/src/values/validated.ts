import type { FieldViolation, ViolationReason } from '@subledger/contracts';
import { err, ok, type Result } from '@subledger/kernel';

/** A checked value, or every reason it was refused. */
export type Validated<T> = Result<T, readonly FieldViolation[]>;

export function violation<T = never>(field: string, reason: ViolationReason): Validated<T> {
  return err([{ field, reason }]);
}

type ValuesOf<T extends Record<string, Validated<unknown>>> = {
  [K in keyof T]: T[K] extends Validated<infer V> ? V : never;
};

/** Checks every field at once, so that a caller can report all bad fields together. */
export function validateAll<T extends Record<string, Validated<unknown>>>(checks: T): Validated<ValuesOf<T>> {
  const results = Object.entries(checks);
  const violations = results.flatMap(([, result]) => (result.ok ? [] : result.error));
  if (violations.length > 0) return err(violations);
  const values = results.map(([key, result]) => [key, result.ok ? result.value : undefined]);
  return ok(Object.fromEntries(values) as ValuesOf<T>);
}

/** Length in Unicode code points, which is what a person counts as characters. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
