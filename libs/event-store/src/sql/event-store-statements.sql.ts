const EVENT_COLUMNS = `global_position::text AS global_position, event_id::text AS event_id, stream_id,
  stream_version::text AS stream_version, type, data, metadata, recorded_at`;

/** Every statement of the SQL event store, for one quoted schema. */
export interface EventStoreStatements {
  appendLock: string;
  appendEvents: string;
  readStream: string;
  readAll: string;
}

export function eventStoreStatements(schema: string): EventStoreStatements {
  return {
    // Held until the transaction ends: appends to one schema commit one after another, so global
    // positions are handed out in commit order (see the README on the bigserial gap problem).
    appendLock: `SELECT pg_advisory_xact_lock(hashtext($1)) AS locked`,
    // One statement checks every stream's expected version, raising the store's conflict error
    // (wrong_expected_version, SLV01) at the first that does not match, then numbers the events on
    // from each stream's version, inserts them and moves the heads: an append is one round trip, and
    // a conflict is a failed statement, which rolls back even a transaction whose COMMIT was sent
    // with it. Every part reads the same snapshot, taken after the append lock of an earlier
    // statement. Expected versions travel as text: a version, 'no_stream', 'stream_exists' or 'any'.
    appendEvents: `WITH expected AS (
        SELECT * FROM unnest($6::text[], $7::text[]) AS e(stream_id, expected)
      ), before AS (
        SELECT e.stream_id, e.expected, s.stream_version,
          CASE WHEN e.expected = 'any' THEN true
            WHEN e.expected = 'no_stream' THEN s.stream_version IS NULL
            WHEN e.expected = 'stream_exists' THEN s.stream_version IS NOT NULL
            ELSE coalesce(s.stream_version = e.expected::bigint, false) END AS matches
        FROM expected e LEFT JOIN ${schema}.streams s ON s.stream_id = e.stream_id
      ), checked AS (
        SELECT bool_and(CASE WHEN matches THEN true
          ELSE ${schema}.wrong_expected_version(stream_id, expected, stream_version) END) AS ok
        FROM before
      ), input AS (
        SELECT t.*, coalesce(b.stream_version, -1) + row_number() OVER (PARTITION BY t.stream_id ORDER BY t.ord) AS stream_version
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
          WITH ORDINALITY AS t(event_id, stream_id, type, data, metadata, ord)
        JOIN before b ON b.stream_id = t.stream_id
        WHERE (SELECT ok FROM checked)
      ), inserted AS (
        INSERT INTO ${schema}.events (event_id, stream_id, stream_version, type, data, metadata)
        SELECT event_id::uuid, stream_id, stream_version, type, data::jsonb, metadata::jsonb
        FROM input ORDER BY ord
        RETURNING global_position, stream_id, stream_version
      ), heads AS (
        INSERT INTO ${schema}.streams (stream_id, stream_version)
        SELECT stream_id, max(stream_version) FROM inserted GROUP BY stream_id
        ON CONFLICT (stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version
      )
      SELECT b.stream_id, b.stream_version::text AS previous_version,
        (SELECT max(i.global_position) FROM inserted i WHERE i.stream_id = b.stream_id)::text AS last_position
      FROM before b`,
    // ORDER BY names the table's columns: a bare name would pick the text output column of the same
    // name and sort "10" before "2".
    readStream: `SELECT ${EVENT_COLUMNS} FROM ${schema}.events
      WHERE stream_id = $1 AND stream_version >= $2::bigint ORDER BY events.stream_version LIMIT $3::bigint`,
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${schema}.events
      WHERE global_position >= $1::bigint ORDER BY events.global_position LIMIT $2::bigint`,
  };
}
