import type { LedgerEntryView } from '@subledger/contracts';

export type LedgerExportFormat = 'csv' | 'jsonl';

const COLUMNS = [
  'position',
  'globalPosition',
  'at',
  'type',
  'accountId',
  'chargeId',
  'amount',
  'reason',
  'reference',
  'balanceAfter',
] as const;

/** The export's first line: a header row in CSV, nothing in JSON lines. */
export function exportHeader(format: LedgerExportFormat): string {
  return format === 'csv' ? `${COLUMNS.join(',')}\n` : '';
}

/** One entry as a line: amounts and balances in integer micros (signed: a charge is negative), times in ISO 8601 UTC. */
export function exportLine(format: LedgerExportFormat, entry: LedgerEntryView): string {
  const record = {
    position: entry.position,
    globalPosition: entry.globalPosition,
    at: new Date(entry.at).toISOString(),
    type: entry.type,
    accountId: entry.accountId,
    chargeId: entry.chargeId,
    amount: entry.amount.toString(),
    reason: entry.reason,
    reference: entry.reference,
    balanceAfter: entry.balanceAfter.toString(),
  };
  if (format === 'jsonl') return `${JSON.stringify(record)}\n`;
  return `${COLUMNS.map((column) => csvField(record[column])).join(',')}\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
