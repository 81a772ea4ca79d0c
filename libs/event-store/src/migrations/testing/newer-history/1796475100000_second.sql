-- Up Migration
ALTER TABLE fixture_things ADD COLUMN note text;
