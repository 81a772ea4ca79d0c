// The event store's tables as versions before migrations made them: these statements ran at every
// start. Kept for the test proving that such a schema is adopted as it is.
export function legacyEventStoreSchemaSql(schema: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${schema}`,
    `CREATE TABLE IF NOT EXISTS ${schema}.streams (
      stream_id text PRIMARY KEY,
      stream_version bigint NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${schema}.events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL,
      stream_id text NOT NULL,
      stream_version bigint NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL DEFAULT '{}',
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
    )`,
    `CREATE TABLE IF NOT EXISTS ${schema}.subscription_checkpoints (
      subscription_name text PRIMARY KEY,
      position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}
