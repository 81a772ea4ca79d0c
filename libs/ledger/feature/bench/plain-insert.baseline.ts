import {
  createPostgresEventStore,
  type EventData,
  type SqlEventStore,
  type StreamAppend,
} from '@subledger/event-store';

export interface EventRowText {
  [column: string]: unknown;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  data: string;
  metadata: string;
}

export interface Rate {
  readonly rows: number;
  readonly perSecond: number;
}

/** The charge events the writer appended, in the order it appended them. */
export async function chargeEventRows(store: SqlEventStore): Promise<EventRowText[]> {
  const events = `${store.quotedSchema}.events`;
  const { rows } = await store.sql.query<EventRowText>(
    `SELECT event_id::text AS event_id, stream_id, stream_version::text AS stream_version, type, data::text AS data,
       metadata::text AS metadata
     FROM ${events} WHERE type IN ('ChargeAccepted', 'ChargeRefused') ORDER BY ${events}.global_position`,
  );
  return rows;
}

/**
 * The yardstick of docs/architecture.md §7: the same event rows inserted again with plain multi-row INSERTs of
 * `batchSize` rows from one connection, one statement per batch (autocommit), into a copy of the
 * events table with the same columns, keys and indexes. The values are written into the statement
 * as literals, as a plain INSERT is: bound as 3,000 parameters they cost the server four times as
 * much to take in as to insert, which made an easy yardstick.
 */
export async function plainInsertRate(
  store: SqlEventStore,
  rows: readonly EventRowText[],
  batchSize: number,
): Promise<Rate> {
  const copy = `${store.quotedSchema}.bench_events`;
  await store.sql.query(`CREATE TABLE ${copy} (LIKE ${store.quotedSchema}.events INCLUDING ALL)`);
  return insertInBatches(store, rows, batchSize, (batch) => {
    const values = batch.map(
      (row) =>
        `(${literal(row.event_id)}, ${literal(row.stream_id)}, ${row.stream_version}, ${literal(row.type)}, ${literal(row.data)}, ${literal(row.metadata)})`,
    );
    return `INSERT INTO ${copy} (event_id, stream_id, stream_version, type, data, metadata) VALUES ${values.join(', ')}`;
  });
}

/**
 * The second yardstick, of issue 8: minimal event rows (stream, version, type, jsonb data) in a
 * table with no key or index, by the same plain multi-row INSERTs from one connection. What the
 * database does at the least for an event, with nothing of the store's guarantees.
 */
export async function minimalInsertRate(
  store: SqlEventStore,
  rows: readonly EventRowText[],
  batchSize: number,
): Promise<Rate> {
  const table = `${store.quotedSchema}.bench_minimal_events`;
  await store.sql.query(
    `CREATE TABLE ${table} (stream_id text NOT NULL, stream_version bigint NOT NULL, type text NOT NULL, data jsonb NOT NULL)`,
  );
  return insertInBatches(store, rows, batchSize, (batch) => {
    const values = batch.map(
      (row) => `(${literal(row.stream_id)}, ${row.stream_version}, ${literal(row.type)}, ${literal(row.data)})`,
    );
    return `INSERT INTO ${table} (stream_id, stream_version, type, data) VALUES ${values.join(', ')}`;
  });
}

/** A SQL string literal; with standard_conforming_strings on (checked first) only quotes are doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

async function insertInBatches(
  store: SqlEventStore,
  rows: readonly EventRowText[],
  batchSize: number,
  statement: (batch: readonly EventRowText[]) => string,
): Promise<Rate> {
  const { rows: settings } = await store.sql.query<{ standard_conforming_strings: string }>(
    'SHOW standard_conforming_strings',
  );
  if (settings[0].standard_conforming_strings !== 'on')
    throw new Error('The plain INSERTs need standard_conforming_strings on');
  const started = process.hrtime.bigint();
  for (let start = 0; start < rows.length; start += batchSize)
    await store.sql.query(statement(rows.slice(start, start + batchSize)));
  return rateSince(started, rows.length);
}

/**
 * For context: the event store's own `appendMany` of the same events, batch by batch, into an
 * empty schema of its own. The writer can be no faster than this, since it appends through it.
 */
export async function storeAppendRate(
  url: string,
  schema: string,
  rows: readonly EventRowText[],
  batchSize: number,
): Promise<Rate> {
  const store = createPostgresEventStore({ pool: url, schema, maxConnections: 1 });
  try {
    await store.migrate();
    const started = process.hrtime.bigint();
    for (let start = 0; start < rows.length; start += batchSize)
      await store.appendMany(appendsOf(rows.slice(start, start + batchSize)));
    return rateSince(started, rows.length);
  } finally {
    await store.sql.query(`DROP SCHEMA IF EXISTS ${store.quotedSchema} CASCADE`);
    await store.close();
  }
}

function appendsOf(rows: readonly EventRowText[]): StreamAppend[] {
  const byStream = new Map<string, EventData[]>();
  for (const row of rows) {
    const events = byStream.get(row.stream_id) ?? [];
    events.push({ id: row.event_id, type: row.type, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) });
    byStream.set(row.stream_id, events);
  }
  return [...byStream].map(([streamId, events]) => ({ streamId, events, expectedVersion: 'any' }));
}

function rateSince(started: bigint, rows: number): Rate {
  return { rows, perSecond: rows / (Number(process.hrtime.bigint() - started) / 1e9) };
}
