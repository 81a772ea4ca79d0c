// Pure formatting for the dashboard: no DOM, no clock. Amounts stay strings or integer cents;
// nothing here turns money into a float.

/** A decimal string of currency units with at least two decimals: "12.5" -> "12.50", "-0.0079" stays. */
export function amountText(decimal: string): string {
  const [whole, fraction = ''] = decimal.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

/** Integer cents as currency units: 1234 -> "12.34", -5 -> "-0.05". */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

export type LimitLevel = 'none' | 'ok' | 'near' | 'reached';

export interface LimitUse {
  readonly level: LimitLevel;
  /** 0 to 100, for the width of the bar. */
  readonly widthPercent: number;
  readonly label: string;
}

/** How much of its credit limit an account has spent: near from 80 %, reached at 100 %. */
export function limitUse(totalSpentCents: number, creditLimitCents: number | null): LimitUse {
  if (creditLimitCents === null) return { level: 'none', widthPercent: 0, label: 'no limit' };
  if (creditLimitCents <= 0) return { level: 'reached', widthPercent: 100, label: '100 %' };
  const percent = Math.floor((totalSpentCents * 100) / creditLimitCents);
  const level: LimitLevel =
    totalSpentCents >= creditLimitCents ? 'reached' : totalSpentCents * 100 >= creditLimitCents * 80 ? 'near' : 'ok';
  return { level, widthPercent: Math.min(100, percent), label: `${percent} %` };
}

/** "2026-12-05T09:41:00.000Z" -> "09:41" (UTC), the label of a minute or an hour. */
export function clockText(iso: string): string {
  return iso.slice(11, 16);
}

/** "2026-12-05T09:41:07.123Z" -> "2026-12-05 09:41:07 UTC". */
export function timeText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Every refusal reason that occurs in the minutes, sorted, so that colours and legend stay put. */
export function refusalReasons(minutes: readonly { readonly refused: Readonly<Record<string, number>> }[]): string[] {
  const reasons = new Set<string>();
  for (const minute of minutes) for (const reason of Object.keys(minute.refused)) reasons.add(reason);
  return [...reasons].sort();
}

/** A decimal string in micros, for summing spend exactly: "0.0079" -> 7900n. */
export function micros(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  const value = BigInt(whole || '0') * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
  return negative ? -value : value;
}

/** Micros back to a decimal string without trailing zeros: 23700n -> "0.0237". */
export function decimalOfMicros(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  const fraction = (magnitude % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${magnitude / 1_000_000n}${fraction ? `.${fraction}` : ''}`;
}
