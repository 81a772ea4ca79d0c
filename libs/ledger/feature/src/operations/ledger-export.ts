import type { SqlClient } from '@subledger/event-store';
import { listLedgerEntries } from '../queries/list-ledger-entries.query';
import { ledgerTables } from '../store/ledger-tables';
import { exportHeader, exportLine, type LedgerExportFormat } from './ledger-export.format';

export interface LedgerExport {
  readonly teamId: string;
  /** Entries at or after this time (epoch ms). */
  readonly from?: number;
  /** Entries before this time (epoch ms). */
  readonly to?: number;
  readonly format: LedgerExportFormat;
}

export type ExportStore = { readonly sql: Pick<SqlClient, 'query'>; readonly quotedSchema: string };

const PAGE = 1_000;

/**
 * Writes a team's ledger entries, oldest first, each with the balance after it, a page of the
 * stream at a time through the ledger's own entries query: memory holds one page, however long the
 * stream. `write` resolves when the line may be followed by more (a stream's back-pressure).
 * Answers the number of entries written, or null when the ledger holds no such team.
 */
export async function exportLedger(
  store: ExportStore,
  request: LedgerExport,
  write: (text: string) => Promise<void>,
): Promise<number | null> {
  const tables = ledgerTables(store.quotedSchema);
  let cursor: string | null = null;
  let written = 0;
  for (let first = true; ; first = false) {
    const reply = await listLedgerEntries(store.sql, tables, { teamId: request.teamId, cursor, limit: PAGE });
    if (!reply.ok) {
      if (reply.refusal.type === 'team_not_found') return null;
      throw new Error(`The ledger refused the export: ${JSON.stringify(reply.refusal)}`);
    }
    if (first) await write(exportHeader(request.format));
    for (const entry of reply.value.items) {
      if (
        (request.from !== undefined && entry.at < request.from) ||
        (request.to !== undefined && entry.at >= request.to)
      )
        continue;
      await write(exportLine(request.format, entry));
      written += 1;
    }
    if (reply.value.nextCursor === null) return written;
    cursor = reply.value.nextCursor;
  }
}
