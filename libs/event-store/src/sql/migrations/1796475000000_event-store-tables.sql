-- Up Migration
-- The event store's tables as the versions before migrations created them at every start; every
-- statement is IF NOT EXISTS, so a schema those versions made is adopted as it is. The runner sets
-- search_path to the schema being migrated, hence no schema in the names.
--
-- `streams` holds the version of every stream; the append checks expected versions against it while
-- holding the schema's append lock (sql-statements), and the unique key on (stream_id,
-- stream_version) backs that check up at the table level.
CREATE TABLE IF NOT EXISTS streams (
  stream_id text PRIMARY KEY,
  stream_version bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
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
);

CREATE TABLE IF NOT EXISTS subscription_checkpoints (
  subscription_name text PRIMARY KEY,
  position bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
