-- Up Migration
-- The ledger's tables as the versions before migrations created them at every start; IF NOT EXISTS,
-- so a schema those versions made is adopted as it is. No schema in the names: the runner sets
-- search_path to the ledger's schema.
--
-- The inline projections, the processed commands and the consumer offsets. Every one of them is
-- written in the transaction of the batch whose events it reflects, so it never runs ahead of or
-- behind the event store. Bigints are SQL bigints; outcomes are JSON with bigints as strings.
--
-- The projections' rows are updated by nearly every batch. Free room in each page lets PostgreSQL
-- write the new row version beside the old one without touching the index (a "HOT" update), which
-- keeps a batch over many teams close to the cost of a batch over one.
CREATE TABLE IF NOT EXISTS ledger_team_balances (
  team_id text PRIMARY KEY,
  currency text NOT NULL,
  balance bigint NOT NULL,
  stream_version bigint NOT NULL
) WITH (fillfactor = 50);

CREATE TABLE IF NOT EXISTS ledger_account_spend (
  team_id text NOT NULL,
  account_id text NOT NULL,
  total_spent bigint NOT NULL,
  credit_limit bigint,
  status text NOT NULL,
  stream_version bigint NOT NULL,
  PRIMARY KEY (team_id, account_id)
) WITH (fillfactor = 50);

-- One row per distinct command: the digest of its fields tells a redelivery (same digest, answered
-- with the stored outcome) from a reuse of its id for another command (decided anew). `refused`
-- marks outcomes that recorded no event; the writer loads their ids with the team.
CREATE TABLE IF NOT EXISTS ledger_processed_commands (
  team_id text NOT NULL,
  command_id text NOT NULL,
  command_digest text NOT NULL,
  outcome jsonb NOT NULL,
  refused boolean NOT NULL,
  processed_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, command_id, command_digest)
);

CREATE INDEX IF NOT EXISTS ledger_processed_commands_refused ON ledger_processed_commands (team_id) WHERE refused;

CREATE TABLE IF NOT EXISTS ledger_consumer_offsets (
  consumer_group text NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  next_offset bigint NOT NULL,
  PRIMARY KEY (consumer_group, topic, partition)
);

-- The usage projection (src/usage): fed in global order with its checkpoint in
-- subscription_checkpoints; hours are epoch milliseconds, so days are whole multiples in UTC.
CREATE TABLE IF NOT EXISTS ledger_usage_hourly (
  team_id text NOT NULL,
  account_id text NOT NULL,
  hour_start bigint NOT NULL,
  charges bigint NOT NULL,
  refunds bigint NOT NULL,
  refusals bigint NOT NULL,
  spend bigint NOT NULL,
  PRIMARY KEY (team_id, account_id, hour_start)
);

-- The activity projection (src/activity): the same kind of fold, system-wide per minute; `reason`
-- is a refusal's reason, empty for the other outcomes. It keeps 48 hours.
CREATE TABLE IF NOT EXISTS ledger_activity_minutes (
  minute_start bigint NOT NULL,
  outcome text NOT NULL,
  reason text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (minute_start, outcome, reason)
);
