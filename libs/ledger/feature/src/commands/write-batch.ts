import { allAnswered, type SqlEventStoreTransaction } from '@subledger/event-store';
import { upsertAccountSpend } from '../projections/account-spend.projection';
import { upsertTeamBalances } from '../projections/team-balance.projection';
import type { LedgerTables } from '../store/ledger-tables';
import { combinedWrite, type RowsWrite } from '../store/rows-write';
import { type ConsumerOffsetRow, upsertConsumerOffsets } from './consumer-offsets';
import type { BatchWrites } from './decide-batch';
import { insertProcessedCommands } from './processed-commands';
import { assertStreamsUnchanged } from './unchanged-streams';

/**
 * Everything a batch changed, in the caller's transaction: one statement for the ledger's own rows,
 * the check that the teams it decided on without appending are still at the version it read, and
 * the events. Everything is built first, then the three are sent side by side, in that order, and
 * nothing is decided from their answers: the caller's transaction may send its COMMIT behind them
 * without waiting (SqlEventStore.sentTransaction), and both checks are statements that fail on a
 * conflict, which rolls the whole batch back. The check and the events come after the rows because
 * both take the store's append lock, which is held until the commit and makes every other
 * appender wait.
 */
export async function writeBatch(
  tx: SqlEventStoreTransaction,
  tables: LedgerTables,
  writes: BatchWrites,
  offsets: readonly ConsumerOffsetRow[],
  processedAt: number,
): Promise<void> {
  const rows: RowsWrite[] = [];
  if (writes.processed.length > 0) rows.push(insertProcessedCommands(tables, writes.processed, processedAt));
  if (writes.balances.length > 0) rows.push(upsertTeamBalances(tables, writes.balances));
  if (writes.spends.length > 0) rows.push(upsertAccountSpend(tables, writes.spends));
  if (offsets.length > 0) rows.push(upsertConsumerOffsets(tables, offsets));
  const rowsWrite = rows.length > 0 ? combinedWrite(rows) : null;
  const append = writes.appends.length > 0 ? tx.prepareAppend(writes.appends) : null;
  const sent: Promise<unknown>[] = [];
  if (rowsWrite) sent.push(tx.query(...rowsWrite));
  sent.push(assertStreamsUnchanged(tx, tables, writes.unchanged));
  if (append) sent.push(append.send());
  await allAnswered(sent);
}

export function hasWrites(writes: BatchWrites, offsets: readonly ConsumerOffsetRow[]): boolean {
  return writes.processed.length > 0 || writes.appends.length > 0 || writes.unchanged.length > 0 || offsets.length > 0;
}
