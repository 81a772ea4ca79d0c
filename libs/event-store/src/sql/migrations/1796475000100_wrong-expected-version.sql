-- Up Migration
-- Raises the event store's conflict from inside a statement, with the SQLSTATE SLV01 and the
-- stream, the expected version and the actual one (null: no stream) as JSON in the detail. An
-- append that checks its versions in SQL then fails like any other failed statement, so a
-- transaction that sent its COMMIT without waiting for the append's answer (a sent transaction,
-- sql-client.ts) is rolled back by PostgreSQL instead of committing the rest. Returns boolean so
-- that it can stand in a CASE of a check; it never returns.
CREATE OR REPLACE FUNCTION wrong_expected_version(stream_id text, expected text, actual bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Wrong expected version of stream %: expected %, actual %', stream_id, expected, coalesce(actual::text, 'no_stream')
    USING ERRCODE = 'SLV01', DETAIL = json_build_object('streamId', stream_id, 'actual', actual::text)::text;
END
$$;
