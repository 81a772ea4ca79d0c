/**
 * The gateway's idempotency records, beside the events in the event store's schema. One row per
 * (scope, key): `in_progress` while its request runs, under a lease, so that a crashed gateway does
 * not hold the key forever; `completed` with the response to replay. Times come from the gateway's
 * clock, not the database's, so that tests move them.
 */
export function idempotencySchemaSql(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${schema}.gateway_idempotency (
      scope text NOT NULL,
      idempotency_key text NOT NULL,
      fingerprint text NOT NULL,
      state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
      owner text,
      lease_expires_at timestamptz,
      response_status integer,
      response_headers text,
      response_body text,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (scope, idempotency_key)
    )`,
    `CREATE INDEX IF NOT EXISTS gateway_idempotency_created_at ON ${schema}.gateway_idempotency (created_at)`,
  ];
}

/** Epoch milliseconds from the gateway clock to a timestamptz, exact to the millisecond. */
const at = (parameter: number) => `to_timestamp($${parameter}::bigint / 1000.0)`;

export function idempotencyStatements(schema: string) {
  const table = `${schema}.gateway_idempotency`;
  return {
    /**
     * Takes the key, or takes over a record that is past retention, or one whose lease expired for
     * the same request. Returns the row only when this request now owns it.
     */
    claim: `INSERT INTO ${table} AS r (scope, idempotency_key, fingerprint, state, owner, lease_expires_at, created_at)
      VALUES ($1, $2, $3, 'in_progress', $4, ${at(5)}, ${at(6)})
      ON CONFLICT (scope, idempotency_key) DO UPDATE SET
        fingerprint = EXCLUDED.fingerprint, state = 'in_progress', owner = EXCLUDED.owner,
        lease_expires_at = EXCLUDED.lease_expires_at, created_at = EXCLUDED.created_at,
        response_status = NULL, response_headers = NULL, response_body = NULL
      WHERE r.created_at < ${at(7)}
        OR (r.state = 'in_progress' AND r.lease_expires_at <= EXCLUDED.created_at AND r.fingerprint = EXCLUDED.fingerprint)
      RETURNING owner`,
    find: `SELECT fingerprint, state, response_status, response_headers, response_body
      FROM ${table} WHERE scope = $1 AND idempotency_key = $2`,
    complete: `UPDATE ${table} SET state = 'completed', owner = NULL, lease_expires_at = NULL,
        response_status = $4, response_headers = $5, response_body = $6
      WHERE scope = $1 AND idempotency_key = $2 AND owner = $3 AND state = 'in_progress'
      RETURNING 1 AS done`,
    release: `DELETE FROM ${table} WHERE scope = $1 AND idempotency_key = $2 AND owner = $3 AND state = 'in_progress'`,
    /** In bounded batches, so that a cleanup never holds a long transaction. */
    deleteCreatedBefore: `DELETE FROM ${table} WHERE (scope, idempotency_key) IN (
        SELECT scope, idempotency_key FROM ${table} WHERE created_at < ${at(1)} LIMIT $2)
      RETURNING 1 AS gone`,
  };
}
