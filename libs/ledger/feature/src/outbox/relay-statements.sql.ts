/** The relay's SQL, for the event store's quoted schema. Positions travel as text, so no driver rounds them. */
export interface RelayStatements {
  /** `$1` the schema, `$2` the relay's name; answers `locked`. */
  tryLock: string;
  /** `$1` the relay's name; answers `position` or no row. */
  loadCheckpoint: string;
  /** `$1` the relay's name, `$2` the position. */
  saveCheckpoint: string;
}

export function relayStatements(schema: string): RelayStatements {
  return {
    // The two-key form of the advisory lock lives apart from the one-key locks the event store
    // takes for its appends, so the relay can never wait on (or block) a writer. Held until the
    // end of the batch's transaction, which a crashed relay's connection ends too.
    tryLock: `SELECT pg_try_advisory_xact_lock(hashtext('subledger.ledger-events-relay.' || $1::text), hashtext($2::text)) AS locked`,
    loadCheckpoint: `SELECT position::text AS position FROM ${schema}.subscription_checkpoints WHERE subscription_name = $1`,
    saveCheckpoint: `INSERT INTO ${schema}.subscription_checkpoints (subscription_name, position) VALUES ($1, $2::bigint)
      ON CONFLICT (subscription_name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
  };
}
