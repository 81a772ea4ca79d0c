/**
 * The JSON form of a ledger contract: every bigint becomes a decimal string (JSON numbers lose
 * precision past 2^53), and absent optional fields are left out.
 */
export type LedgerJson<T> = {
  readonly [K in keyof T]: [T[K]] extends [bigint] ? string : [T[K]] extends [bigint | null] ? string | null : T[K];
};

export type LedgerJsonValue = string | number | null;

export function toLedgerJson<T extends object>(value: T): LedgerJson<T> {
  const json: Record<string, LedgerJsonValue> = {};
  // for...in rather than Object.entries: the ledger encodes every event it writes, and the pair
  // arrays of entries were most of what the encoding allocated. Contracts are plain objects.
  for (const key in value) {
    const field: unknown = value[key];
    if (field === undefined) continue;
    json[key] = typeof field === 'bigint' ? field.toString() : (field as LedgerJsonValue);
  }
  return json as LedgerJson<T>;
}
