import { type FollowerStatements, followerStatements } from '../schedule/follower-statements.sql';

/** The activity projection's SQL, for the event store's quoted schema. Numbers travel as text, so no driver rounds them. */
export interface ActivityStatements extends FollowerStatements {
  /** `$1` a JSON array of deltas (minute_start, outcome, reason, count), added to the rows. */
  readonly addDeltas: string;
  /** `$1` epoch ms: deletes the minutes that start before it. */
  readonly forgetBefore: string;
  /** `$1` first minute's start, `$2` end (exclusive), both epoch ms. */
  readonly minutes: string;
}

export function activityStatements(schema: string, table: string): ActivityStatements {
  return {
    // One projector of a store works at a time.
    ...followerStatements(schema, 'subledger.ledger-activity.'),
    addDeltas: `INSERT INTO ${table} AS a (minute_start, outcome, reason, count)
      SELECT d.minute_start::bigint, d.outcome, d.reason, d.count
      FROM jsonb_to_recordset($1::jsonb) AS d(minute_start text, outcome text, reason text, count bigint)
      ON CONFLICT (minute_start, outcome, reason) DO UPDATE SET count = a.count + EXCLUDED.count`,
    forgetBefore: `DELETE FROM ${table} WHERE minute_start < $1::bigint`,
    minutes: `SELECT minute_start::text AS start, outcome, reason, count::text AS count
      FROM ${table} WHERE minute_start >= $1::bigint AND minute_start < $2::bigint`,
  };
}
