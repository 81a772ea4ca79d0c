import { centsToMicros, type Micros } from '@subledger/money';

/** A validated `creditLimit` of the API in micros: 0, null or absent mean no limit. */
export function creditLimitMicros(cents: number | null | undefined): Micros | null {
  return cents === undefined || cents === null || cents === 0 ? null : centsToMicros(cents);
}
