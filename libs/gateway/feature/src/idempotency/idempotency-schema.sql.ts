// The gateway's idempotency records (the table: migrations/, the gateway's history). One row per
// (scope, key): `in_progress` while its request runs, under a lease; `completed` with the response
// to replay. Times come from the gateway's clock, not the database's, so that tests move them.

/** Epoch milliseconds from the gateway clock to a timestamptz, exact to the millisecond. */
const at = (value: string) => `to_timestamp((${value})::bigint / 1000.0)`;

/**
 * Statements over groups of requests: `$1` is a JSON array of objects, one per request, read with
 * `json_to_recordset`, so that one statement serves every request of a group (GroupCommit).
 */
export function idempotencyStatements(schema: string) {
  const table = `${schema}.gateway_idempotency`;
  return {
    /**
     * Takes each key, or takes over a record that is past retention (created before `$2`), or one
     * whose lease expired for the same request, or its own (the same owner: the claim ran before on
     * a connection lost before its answer came). Returns the rows this group now owns. A group
     * names each key once (ON CONFLICT may not touch a row twice in one statement).
     */
    claim: `INSERT INTO ${table} AS r (scope, idempotency_key, fingerprint, state, owner, lease_expires_at, created_at)
      SELECT c.scope, c.key, c.fingerprint, 'in_progress', c.owner, ${at('c.lease_until')}, ${at('c.now')}
        FROM json_to_recordset($1::json) AS c(scope text, key text, fingerprint text, owner text, lease_until bigint, now bigint)
      ON CONFLICT (scope, idempotency_key) DO UPDATE SET
        fingerprint = EXCLUDED.fingerprint, state = 'in_progress', owner = EXCLUDED.owner,
        lease_expires_at = EXCLUDED.lease_expires_at, created_at = EXCLUDED.created_at,
        response_status = NULL, response_headers = NULL, response_body = NULL
      WHERE r.created_at < ${at('$2')}
        OR (r.state = 'in_progress' AND r.lease_expires_at <= EXCLUDED.created_at AND r.fingerprint = EXCLUDED.fingerprint)
        OR (r.state = 'in_progress' AND r.owner = EXCLUDED.owner)
      RETURNING scope, idempotency_key AS key, owner`,
    find: `SELECT r.scope, r.idempotency_key AS key, r.fingerprint, r.state, r.response_status, r.response_headers, r.response_body
      FROM ${table} r JOIN json_to_recordset($1::json) AS f(scope text, key text) ON r.scope = f.scope AND r.idempotency_key = f.key`,
    complete: `UPDATE ${table} r SET state = 'completed', owner = NULL, lease_expires_at = NULL,
        response_status = c.status, response_headers = c.headers, response_body = c.body
      FROM json_to_recordset($1::json) AS c(scope text, key text, owner text, status integer, headers text, body text)
      WHERE r.scope = c.scope AND r.idempotency_key = c.key AND r.owner = c.owner AND r.state = 'in_progress'
      RETURNING r.scope, r.idempotency_key AS key`,
    release: `DELETE FROM ${table} r USING json_to_recordset($1::json) AS c(scope text, key text, owner text)
      WHERE r.scope = c.scope AND r.idempotency_key = c.key AND r.owner = c.owner AND r.state = 'in_progress'`,
    /** In bounded batches, so that a cleanup never holds a long transaction. */
    deleteCreatedBefore: `DELETE FROM ${table} WHERE (scope, idempotency_key) IN (
        SELECT scope, idempotency_key FROM ${table} WHERE created_at < ${at('$1')} LIMIT $2)
      RETURNING 1 AS gone`,
  };
}
