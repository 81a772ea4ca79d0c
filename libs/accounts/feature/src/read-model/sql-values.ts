import type { SqlResult, SqlRow } from '@subledger/event-store';

/** Anything that runs SQL: the store's client, or the transaction of a command. */
export interface Queryable {
  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
}

// Bigint columns are selected as text (`::text`) so that no driver rounds them: PGlite would hand
// back an int8 as a JS number.

export function epochMsFrom(text: string): number {
  return Number(text);
}

export function epochMsOrNull(text: string | null): number | null {
  return text === null ? null : Number(text);
}

export function microsOrNull(text: string | null): bigint | null {
  return text === null ? null : BigInt(text);
}

/** A value for a `$n::json` parameter: JSON text, or SQL NULL. */
export function jsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** A value for a `$n::bigint` parameter: decimal text, or SQL NULL. */
export function bigintParam(value: bigint | number | null): string | null {
  return value === null ? null : value.toString();
}
