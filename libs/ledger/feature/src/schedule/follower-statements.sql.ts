import type { SqlClient } from '@subledger/event-store';

/**
 * The SQL of a follower of the event store (the events relay, the usage projection): its lock and
 * its checkpoint in the store's `subscription_checkpoints`. Positions travel as text, so no driver
 * rounds them.
 */
export interface FollowerStatements {
  /** `$1` the schema, `$2` the follower's name; answers `locked`. */
  readonly tryLock: string;
  /** The same lock, waited for (a rebuild of the follower's rows waits for its batch in progress). */
  readonly waitLock: string;
  /** `$1` the follower's name; answers `position` or no row. */
  readonly loadCheckpoint: string;
  /** `$1` the follower's name, `$2` the position. */
  readonly saveCheckpoint: string;
}

/** `lockDomain` keeps each kind of follower's locks apart, e.g. `subledger.ledger-events-relay.`. */
export function followerStatements(schema: string, lockDomain: string): FollowerStatements {
  return {
    // The two-key form of the advisory lock lives apart from the one-key locks the event store
    // takes for its appends, so a follower can never wait on (or block) a writer. Held until the
    // end of the batch's transaction, which a crashed follower's connection ends too.
    tryLock: `SELECT pg_try_advisory_xact_lock(hashtext('${lockDomain}' || $1::text), hashtext($2::text)) AS locked`,
    waitLock: `SELECT pg_advisory_xact_lock(hashtext('${lockDomain}' || $1::text), hashtext($2::text)) IS NULL AS locked`,
    loadCheckpoint: `SELECT position::text AS position FROM ${schema}.subscription_checkpoints WHERE subscription_name = $1`,
    saveCheckpoint: `INSERT INTO ${schema}.subscription_checkpoints (subscription_name, position) VALUES ($1, $2::bigint)
      ON CONFLICT (subscription_name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
  };
}

/** The follower's checkpoint, undefined before its first batch. */
export async function loadCheckpoint(
  sql: Pick<SqlClient, 'query'>,
  statements: FollowerStatements,
  name: string,
): Promise<bigint | undefined> {
  const { rows } = await sql.query<{ position: string }>(statements.loadCheckpoint, [name]);
  return rows.length === 0 ? undefined : BigInt(rows[0].position);
}
