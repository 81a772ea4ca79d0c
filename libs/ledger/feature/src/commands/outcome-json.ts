import type { LedgerOutcome, LedgerRefusal } from '@subledger/contracts';

// Every amount of an outcome or a refusal sits under one of these names, and nothing else does;
// the type check below fails to build when an outcome gains a bigint field under another name.
const MICROS_FIELDS = ['amount', 'balance', 'totalSpent', 'creditLimit'] as const;
type MicrosField = (typeof MICROS_FIELDS)[number];

type BigintFields<T> = T extends unknown
  ? { [K in keyof T]-?: [T[K]] extends [bigint | null] ? ([T[K]] extends [null] ? never : K) : never }[keyof T]
  : never;
const everyAmountIsNamed: [Exclude<BigintFields<LedgerOutcome | LedgerRefusal>, MicrosField>] extends [never]
  ? true
  : false = true;
void everyAmountIsNamed;

const microsFields = new Set<string>(MICROS_FIELDS);

/** An outcome as stored JSON text: bigints as decimal strings, since JSON numbers lose digits. */
export function outcomeToJson(outcome: LedgerOutcome): string {
  return JSON.stringify(outcomeAsJson(outcome));
}

/**
 * The outcome ready for JSON.stringify, amounts turned into strings by name: a replacer function
 * would do the same for any shape, but makes stringifying a batch's outcomes several times slower.
 */
export function outcomeAsJson(outcome: LedgerOutcome): object {
  return outcome.type === 'refused'
    ? { ...outcome, refusal: withMicrosAsStrings(outcome.refusal) }
    : withMicrosAsStrings(outcome);
}

function withMicrosAsStrings(value: object): object {
  const json: Record<string, unknown> = { ...value };
  for (const field of MICROS_FIELDS) {
    const amount = json[field];
    if (typeof amount === 'bigint') json[field] = amount.toString();
  }
  return json;
}

export function outcomeFromJson(text: string): LedgerOutcome {
  return JSON.parse(text, (key, value: unknown) =>
    microsFields.has(key) && typeof value === 'string' ? BigInt(value) : value,
  ) as LedgerOutcome;
}
