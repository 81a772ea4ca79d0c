import { type FollowerStatements, followerStatements } from '../schedule/follower-statements.sql';

/** The usage projection's SQL, for the event store's quoted schema. Numbers travel as text, so no driver rounds them. */
export interface UsageStatements extends FollowerStatements {
  /** `$1` a JSON array of deltas (team_id, account_id, hour_start, charges, refunds, refusals, spend), added to the rows. */
  readonly addDeltas: string;
  /** `$1` team, `$2` first bucket start (ms), `$3` end (ms, exclusive), `$4` bucket length (ms), `$5` account or null. */
  readonly buckets: string;
}

export function usageStatements(schema: string, table: string): UsageStatements {
  return {
    // One projector of a store works at a time.
    ...followerStatements(schema, 'subledger.ledger-usage.'),
    addDeltas: `INSERT INTO ${table} AS u (team_id, account_id, hour_start, charges, refunds, refusals, spend)
      SELECT d.team_id, d.account_id, d.hour_start::bigint, d.charges, d.refunds, d.refusals, d.spend::bigint
      FROM jsonb_to_recordset($1::jsonb) AS d(team_id text, account_id text, hour_start text, charges bigint, refunds bigint, refusals bigint, spend text)
      ON CONFLICT (team_id, account_id, hour_start) DO UPDATE SET
        charges = u.charges + EXCLUDED.charges, refunds = u.refunds + EXCLUDED.refunds,
        refusals = u.refusals + EXCLUDED.refusals, spend = u.spend + EXCLUDED.spend`,
    buckets: `SELECT ((hour_start - $2::bigint) / $4::bigint * $4::bigint + $2::bigint)::text AS start,
        sum(charges)::text AS charges, sum(refunds)::text AS refunds, sum(refusals)::text AS refusals, sum(spend)::text AS spend
      FROM ${table}
      WHERE team_id = $1 AND hour_start >= $2::bigint AND hour_start < $3::bigint AND ($5::text IS NULL OR account_id = $5::text)
      GROUP BY 1 ORDER BY 1`,
  };
}
