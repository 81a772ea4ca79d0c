import { replyOk, replyRefused, usageBucketMs } from '@subledger/contracts';
import type { LedgerQuery, LedgerQueryReply, UsageBucketView } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import type { LedgerTables } from '../store/ledger-tables';
import { loadCheckpoint } from '../schedule/follower-statements.sql';
import { USAGE_PROJECTION } from '../usage/usage-batch';
import { usageStatements } from '../usage/usage-statements.sql';

type GetUsage = Extract<LedgerQuery, { type: 'GetUsage' }>;

interface BucketRow {
  [column: string]: unknown;
  start: string;
  charges: string;
  refunds: string;
  refusals: string;
  spend: string;
}

/**
 * A team's usage per hour or UTC day from the usage projection, every bucket from the one holding
 * `from` up to `to`, zeros included; with `projectedTo`, how far the projection had read.
 */
export async function getUsage(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  schema: string,
  query: GetUsage,
): Promise<LedgerQueryReply<'GetUsage'>> {
  const { rows: team } = await sql.query(`SELECT 1 FROM ${tables.teamBalances} WHERE team_id = $1`, [query.teamId]);
  if (team.length === 0) return replyRefused({ type: 'team_not_found' });
  const statements = usageStatements(schema, tables.usageHourly);
  const size = usageBucketMs(query.granularity);
  const first = Math.floor(query.from / size) * size;
  // The checkpoint is read before the buckets, so the buckets hold at least what `projectedTo` says
  // (read after, a pass that committed in between would be claimed by buckets read without it).
  const projectedTo = (await loadCheckpoint(sql, statements, USAGE_PROJECTION)) ?? 0n;
  const { rows } = await sql.query<BucketRow>(statements.buckets, [
    query.teamId,
    String(first),
    String(query.to),
    String(size),
    query.accountId ?? null,
  ]);
  const found = new Map(rows.map((row) => [Number(row.start), row]));
  const buckets: UsageBucketView[] = [];
  for (let start = first; start < query.to; start += size) {
    const row = found.get(start);
    buckets.push(
      row === undefined
        ? { start, charges: 0, refunds: 0, refusals: 0, spend: 0n }
        : {
            start,
            charges: Number(row.charges),
            refunds: Number(row.refunds),
            refusals: Number(row.refusals),
            spend: BigInt(row.spend),
          },
    );
  }
  return replyOk({
    teamId: query.teamId,
    granularity: query.granularity,
    buckets,
    projectedTo: projectedTo.toString(),
  });
}
