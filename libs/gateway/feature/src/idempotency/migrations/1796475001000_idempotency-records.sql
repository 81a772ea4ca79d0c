-- Up Migration
-- The gateway's idempotency records as the versions before migrations created them at every start;
-- IF NOT EXISTS, so a schema those versions made is adopted as it is. No schema in the names: the
-- runner sets search_path to the gateway's schema.
--
-- One row per (scope, key): `in_progress` while its request runs, under a lease, so that a crashed
-- gateway does not hold the key forever; `completed` with the response to replay. Times come from
-- the gateway's clock, not the database's, so that tests move them.
CREATE TABLE IF NOT EXISTS gateway_idempotency (
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
);

CREATE INDEX IF NOT EXISTS gateway_idempotency_created_at ON gateway_idempotency (created_at);
