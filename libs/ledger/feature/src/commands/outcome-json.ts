import type { LedgerOutcome, LedgerRefusal } from '@subledger/contracts';

// Every amount of an outcome or a refusal sits under one of these names, and nothing else does;
// the type check below fails to build when an outcome gains a bigint field under another name.
const MICROS_FIELDS = ['amount', 'balance', 'totalSpent', 'creditLimit'] as const;
type MicrosField = (typeof MICROS_FIELDS)[number];

type BigintFields<T> = T extends unknown
  ? { [K in keyof T]-?: [T[K]] extends [bigint | null] ? ([T[K]] extends [null] ? never : K) : never }[keyof T]
  : never;
const everyAmountIsNamed: [Exclude<BigintFields<LedgerOutcome | LedgerRefusal>, MicrosField>] extends [never] ? true : false = true;
void everyAmountIsNamed;

const microsFields = new Set<string>(MICROS_FIELDS);

/** An outcome as stored JSON text: bigints as decimal strings, since JSON numbers lose digits. */
export function outcomeToJson(outcome: LedgerOutcome): string {
  return JSON.stringify(outcome, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

export function outcomeFromJson(text: string): LedgerOutcome {
  return JSON.parse(text, (key, value: unknown) =>
    microsFields.has(key) && typeof value === 'string' ? BigInt(value) : value,
  ) as LedgerOutcome;
}
