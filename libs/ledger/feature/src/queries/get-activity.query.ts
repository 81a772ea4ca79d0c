import { ACTIVITY_MINUTE_MS, CHARGE_REFUSAL_REASONS, type ChargeRefusalReason, replyOk } from '@subledger/contracts';
import type { ActivityMinuteView, LedgerQuery, LedgerQueryReply, ProjectionLagView } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import { ACTIVITY_PROJECTION } from '../activity/activity-batch';
import { activityStatements } from '../activity/activity-statements.sql';
import { followerStatements, loadCheckpoint } from '../schedule/follower-statements.sql';
import type { LedgerTables } from '../store/ledger-tables';
import { USAGE_PROJECTION } from '../usage/usage-batch';

type GetActivity = Extract<LedgerQuery, { type: 'GetActivity' }>;

/** The projections the operators' figures come from, in the order they are reported. */
const DASHBOARD_PROJECTIONS = [USAGE_PROJECTION, ACTIVITY_PROJECTION] as const;

interface MinuteRow {
  [column: string]: unknown;
  start: string;
  outcome: string;
  reason: string;
  count: string;
}

/**
 * Every minute from `from` to `to` of the activity projection, zeros included, with how far each
 * projection behind the operators' figures trails the event store.
 */
export async function getActivity(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  schema: string,
  { from, to }: GetActivity,
): Promise<LedgerQueryReply<'GetActivity'>> {
  // The lags are read before the minutes, so the minutes hold at least what the lags say is folded in
  // (read after, a projection that caught up in between would report no lag over minutes read without it).
  const projections = await projectionLags(sql, tables, schema);
  const { rows } = await sql.query<MinuteRow>(activityStatements(schema, tables.activityMinutes).minutes, [
    String(from),
    String(to),
  ]);
  const minutes = new Map<number, ActivityMinuteView>();
  for (let start = from; start < to; start += ACTIVITY_MINUTE_MS)
    minutes.set(start, { start, accepted: 0, refunds: 0, refused: noRefusals() });
  for (const row of rows) {
    const minute = minutes.get(Number(row.start));
    if (minute === undefined) continue;
    const count = Number(row.count);
    if (row.outcome === 'accepted') minutes.set(minute.start, { ...minute, accepted: minute.accepted + count });
    else if (row.outcome === 'refunded') minutes.set(minute.start, { ...minute, refunds: minute.refunds + count });
    else if (isReason(row.reason))
      minutes.set(minute.start, {
        ...minute,
        refused: { ...minute.refused, [row.reason]: minute.refused[row.reason] + count },
      });
  }
  return replyOk({ from, to, minutes: [...minutes.values()], projections });
}

/** Each projection's checkpoint and its distance to the newest event (0 when caught up). */
export async function projectionLags(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  schema: string,
): Promise<ProjectionLagView[]> {
  const { rows } = await sql.query<{ head: string }>(
    `SELECT coalesce(max(global_position), 0)::text AS head FROM ${tables.events}`,
  );
  const head = BigInt(rows[0]?.head ?? '0');
  // Checkpoints are read after the head, so a projection never looks ahead of the store.
  const statements = followerStatements(schema, '');
  const lags: ProjectionLagView[] = [];
  for (const name of DASHBOARD_PROJECTIONS) {
    const projectedTo = (await loadCheckpoint(sql, statements, name)) ?? 0n;
    lags.push({
      name,
      projectedTo: projectedTo.toString(),
      lagEvents: head > projectedTo ? Number(head - projectedTo) : 0,
    });
  }
  return lags;
}

function noRefusals(): Record<ChargeRefusalReason, number> {
  return Object.fromEntries(CHARGE_REFUSAL_REASONS.map((reason) => [reason, 0])) as Record<ChargeRefusalReason, number>;
}

function isReason(reason: string): reason is ChargeRefusalReason {
  return (CHARGE_REFUSAL_REASONS as readonly string[]).includes(reason);
}
