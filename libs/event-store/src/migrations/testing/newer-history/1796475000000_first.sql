-- Up Migration
CREATE TABLE IF NOT EXISTS fixture_things (id text PRIMARY KEY);
