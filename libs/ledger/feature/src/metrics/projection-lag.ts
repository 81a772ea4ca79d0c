import type { SqlClient } from '@subledger/event-store';
import { gaugeMetric } from '@subledger/platform';
import type { LedgerTables } from '../store/ledger-tables';

/** Events a projection has not folded in yet, by projection (docs/deployment.md, "Metrics"). */
export const projectionLag = () =>
  gaugeMetric({
    name: 'subledger_projection_lag_events',
    help: 'Events committed to the event store that a projection has not read yet',
    labelNames: ['projection'] as const,
  });

/**
 * How far a follower of the event store trails it after a pass that read `read` events (at most
 * `batchSize`) up to `checkpoint`: none when the pass found fewer than it could take, else the
 * distance to the newest event, measured in global positions (an approximation: positions of
 * rolled-back appends are skipped, never reused).
 */
export async function lagAfter(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  read: number,
  batchSize: number,
  checkpoint: bigint,
): Promise<number> {
  if (read < batchSize) return 0;
  const { rows } = await sql.query<{ head: string }>(
    `SELECT coalesce(max(global_position), 0)::text AS head FROM ${tables.events}`,
  );
  const behind = BigInt(rows[0]?.head ?? '0') - checkpoint;
  return behind > 0n ? Number(behind) : 0;
}
