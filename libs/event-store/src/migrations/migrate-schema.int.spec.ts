import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createPgliteEventStore, createPgliteWorkerEventStore } from '../pglite/pglite-event-store';
import { createPostgresEventStore } from '../postgres/postgres-event-store';
import { eventStoreMigrations } from '../sql/event-store-migrations';
import type { SqlEventStore } from '../sql/sql-event-store';
import { PendingMigrationsError, SchemaNewerThanCodeError } from './history-check';
import { migrateSchema } from './migrate-schema';
import type { MigrationHistory } from './migration-history';
import { freshPgliteDataDir } from '../testing/fresh-pglite-data-dir';
import { legacyEventStoreSchemaSql } from './testing/legacy-event-store-schema';

const fixture = (version: 'older' | 'newer'): MigrationHistory => ({
  name: 'fixture',
  dir: join(__dirname, 'testing', `${version}-history`),
});
const EVENT_STORE_TABLES = '1796475000000_event-store-tables';
const WRONG_EXPECTED_VERSION = '1796475000100_wrong-expected-version';
/** The event store's own history, in order. */
const EVENT_STORE = [EVENT_STORE_TABLES, WRONG_EXPECTED_VERSION];

interface Site {
  /** A store on the site's database in `schema`; the same database every time. */
  open(schema: string): Promise<SqlEventStore>;
  dispose(): Promise<void>;
}

async function pgliteSite(worker: boolean): Promise<Site> {
  const dir = await freshPgliteDataDir('subledger-migrations-');
  let store: SqlEventStore | undefined;
  return {
    // A process opens its PGlite database once: a second open gets the same store (one connection).
    open: async (schema) => {
      store ??= worker
        ? await createPgliteWorkerEventStore({ dataDir: dir, schema })
        : await createPgliteEventStore({ db: dir, schema });
      return store;
    },
    dispose: async () => {
      await store?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresSite(): Promise<Site> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests with jest.int.config.js');
  const stores: SqlEventStore[] = [];
  return {
    open: async (schema) => {
      const store = createPostgresEventStore({ pool: url, schema, maxConnections: 2 });
      stores.push(store);
      return store;
    },
    dispose: async () => {
      for (const store of stores) {
        await store.sql.query(`DROP SCHEMA IF EXISTS "${store.schema}" CASCADE`);
        await store.close();
      }
    },
  };
}

const recorded = async (store: SqlEventStore, table: string) =>
  (await store.sql.query<{ name: string }>(`SELECT name FROM "${store.schema}"."${table}" ORDER BY id`)).rows.map(
    (row) => row.name,
  );

describe.each([
  ['PostgreSQL', postgresSite],
  ['PGlite', () => pgliteSite(false)],
] as const)('migrateSchema on %s', (_name, openSite) => {
  let site: Site;
  let schema: string;
  beforeEach(async () => {
    site = await openSite();
    schema = `migrations_${randomBytes(5).toString('hex')}`;
  });
  afterEach(() => site.dispose());

  it('migrates a fresh schema to the latest, records each history apart, and applies nothing the second time', async () => {
    const store = await site.open(schema);
    const applied = await migrateSchema(store.sql, schema, [eventStoreMigrations, fixture('newer')]);
    expect(applied.map(({ history, name }) => `${history}:${name}`)).toEqual([
      ...EVENT_STORE.map((name) => `event-store:${name}`),
      'fixture:1796475000000_first',
      'fixture:1796475100000_second',
    ]);
    expect(await recorded(store, 'event_store_migrations')).toEqual(EVENT_STORE);
    expect(await recorded(store, 'fixture_migrations')).toEqual(['1796475000000_first', '1796475100000_second']);
    await store.sql.query(`INSERT INTO "${schema}".fixture_things (id, note) VALUES ('a', 'kept')`);
    await store.append('stream-1', [{ type: 'Happened', data: { n: 1 } }], { expectedVersion: 'no_stream' });

    expect(await migrateSchema(store.sql, schema, [eventStoreMigrations, fixture('newer')])).toEqual([]);
    expect(await migrateSchema(store.sql, schema, [eventStoreMigrations, fixture('newer')], 'verify')).toEqual([]);
    expect(await recorded(store, 'fixture_migrations')).toHaveLength(2);
    expect((await store.sql.query(`SELECT note FROM "${schema}".fixture_things`)).rows).toEqual([{ note: 'kept' }]);
  });

  it('applies only what is pending when the code brings a newer migration', async () => {
    const store = await site.open(schema);
    await migrateSchema(store.sql, schema, [fixture('older')]);
    await store.sql.query(`INSERT INTO "${schema}".fixture_things (id) VALUES ('a')`);
    const applied = await migrateSchema(store.sql, schema, [fixture('newer')]);
    expect(applied.map(({ name }) => name)).toEqual(['1796475100000_second']);
    expect((await store.sql.query(`SELECT id, note FROM "${schema}".fixture_things`)).rows).toEqual([
      { id: 'a', note: null },
    ]);
  });

  it('refuses, in both modes and before applying anything, a schema holding a migration the code does not know', async () => {
    const store = await site.open(schema);
    await migrateSchema(store.sql, schema, [eventStoreMigrations, fixture('newer')]);
    for (const mode of ['apply', 'verify'] as const) {
      const refusal = migrateSchema(store.sql, schema, [eventStoreMigrations, fixture('older')], mode);
      await expect(refusal).rejects.toThrow(SchemaNewerThanCodeError);
      await expect(refusal).rejects.toThrow(
        `schema "${schema}" has fixture migration 1796475100000_second, which this version does not know`,
      );
    }
  });

  it('refuses a schema whose history has an extra row unknown to the code, naming the schema and the migration', async () => {
    const store = await site.open(schema);
    await migrateSchema(store.sql, schema, [eventStoreMigrations]);
    await store.sql.query(
      `INSERT INTO "${schema}".event_store_migrations (name, run_on) VALUES ('1999999999999_from-the-future', now())`,
    );
    await expect(migrateSchema(store.sql, schema, [eventStoreMigrations])).rejects.toThrow(
      `schema "${schema}" has event-store migration 1999999999999_from-the-future, which this version does not know`,
    );
  });

  it('in verify mode, refuses pending migrations and changes nothing', async () => {
    const store = await site.open(schema);
    await migrateSchema(store.sql, schema, [fixture('older')]);
    const refusal = migrateSchema(store.sql, schema, [fixture('newer')], 'verify');
    await expect(refusal).rejects.toThrow(PendingMigrationsError);
    await expect(refusal).rejects.toThrow(
      `schema "${schema}" lacks fixture migration 1796475100000_second and MIGRATIONS=verify`,
    );
    expect(await recorded(store, 'fixture_migrations')).toEqual(['1796475000000_first']);
  });

  it('adopts a schema created by the versions before migrations, keeping its events', async () => {
    const store = await site.open(schema);
    for (const statement of legacyEventStoreSchemaSql(`"${schema}"`)) await store.sql.query(statement);
    // An event as those versions wrote it.
    await store.sql.query(
      `INSERT INTO "${schema}".events (event_id, stream_id, stream_version, type, data) VALUES (gen_random_uuid(), 'stream-1', 0, 'Happened', '{"n":1}')`,
    );
    await store.sql.query(`INSERT INTO "${schema}".streams (stream_id, stream_version) VALUES ('stream-1', 0)`);
    await store.sql.query(
      `INSERT INTO "${schema}".subscription_checkpoints (subscription_name, position) VALUES ('usage', 1)`,
    );

    expect((await migrateSchema(store.sql, schema, [eventStoreMigrations])).map(({ name }) => name)).toEqual(
      EVENT_STORE,
    );
    expect(await store.readStream('stream-1')).toHaveLength(1);
    await store.append('stream-1', [{ type: 'Happened', data: { n: 2 } }], { expectedVersion: 0n });
    expect(await store.readStream('stream-1')).toHaveLength(2);
    expect(
      (await store.sql.query(`SELECT position::text AS position FROM "${schema}".subscription_checkpoints`)).rows,
    ).toEqual([{ position: '1' }]);
  });

  it('lets two concurrent runs on one schema both succeed, applying each migration once', async () => {
    const [first, second] = [await site.open(schema), await site.open(schema)];
    const runs = await Promise.all([
      migrateSchema(first.sql, schema, [eventStoreMigrations, fixture('newer')]),
      migrateSchema(second.sql, schema, [eventStoreMigrations, fixture('newer')]),
    ]);
    expect(runs.flat().map(({ name }) => name)).toHaveLength(4);
    expect(
      runs
        .flat()
        .map(({ name }) => name)
        .sort(),
    ).toEqual([...EVENT_STORE, '1796475000000_first', '1796475100000_second'].sort());
    expect(await recorded(second, 'fixture_migrations')).toEqual(['1796475000000_first', '1796475100000_second']);
    expect(await recorded(second, 'event_store_migrations')).toEqual(EVENT_STORE);
  });
});

// Embedded mode's store: the same migrations through the worker thread's connection.
describe('migrateSchema on PGlite in a worker thread', () => {
  it('migrates a fresh schema, applies nothing the second time, and refuses a newer schema', async () => {
    const site = await pgliteSite(true);
    try {
      const store = await site.open('public');
      expect(
        (await migrateSchema(store.sql, 'public', [eventStoreMigrations, fixture('newer')])).map(({ name }) => name),
      ).toEqual([...EVENT_STORE, '1796475000000_first', '1796475100000_second']);
      expect(await migrateSchema(store.sql, 'public', [eventStoreMigrations, fixture('newer')], 'verify')).toEqual([]);
      await expect(migrateSchema(store.sql, 'public', [eventStoreMigrations, fixture('older')])).rejects.toThrow(
        'schema "public" has fixture migration 1796475100000_second, which this version does not know',
      );
      await store.append('stream-1', [{ type: 'Happened', data: { n: 1 } }], { expectedVersion: 'no_stream' });
      expect(await store.readStream('stream-1')).toHaveLength(1);
    } finally {
      await site.dispose();
    }
  });
});
