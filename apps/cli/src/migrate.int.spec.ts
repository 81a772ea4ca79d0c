// `subledger migrate`, compiled, against PostgreSQL schemas of its own and an embedded data directory.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { accountsMigrations } from '@subledger/accounts-feature';
import { eventStoreMigrations, knownMigrations, type MigrationHistory } from '@subledger/event-store';
import { gatewayMigrations } from '@subledger/gateway-feature';
import { ledgerMigrations } from '@subledger/ledger-feature';
import { type FreshSchema, freshSchema, testDatabaseUrl } from '@subledger/test-harness';
import { runCli } from './testing/run-cli';

const SERVICES: readonly [string, MigrationHistory][] = [
  ['gateway', gatewayMigrations],
  ['accounts', accountsMigrations],
  ['ledger', ledgerMigrations],
];
/** What a fresh schema of `service` gets: the event store's history, then its own. */
const appliedLines = (schema: string, history: MigrationHistory) =>
  [eventStoreMigrations, history].flatMap((one) =>
    knownMigrations(one).map((name) => `applied ${one.name} migration ${name} in schema ${schema}`),
  );

describe('subledger migrate on PostgreSQL', () => {
  let schemas: FreshSchema[];
  let env: Record<string, string>;
  let sql: Client;

  beforeEach(async () => {
    schemas = [await freshSchema(), await freshSchema(), await freshSchema()];
    env = {
      DATABASE_URL: testDatabaseUrl(),
      GATEWAY_DATABASE_SCHEMA: schemas[0].name,
      ACCOUNTS_DATABASE_SCHEMA: schemas[1].name,
      LEDGER_DATABASE_SCHEMA: schemas[2].name,
    };
    sql = new Client({ connectionString: testDatabaseUrl() });
    await sql.connect();
  });
  afterEach(async () => {
    await sql.end();
    for (const schema of schemas) await schema.drop();
  });

  const recorded = async (schema: string, table: string) =>
    (await sql.query<{ name: string }>(`SELECT name FROM "${schema}"."${table}" ORDER BY id`)).rows.map(
      (row) => row.name,
    );

  it("applies every service's migrations in its schema, prints them, and applies nothing the second time", async () => {
    const first = await runCli(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual(
      SERVICES.flatMap(([, history], i) => appliedLines(schemas[i].name, history)),
    );
    expect(first.stderr).toContain('9 migration(s) applied');
    for (const [i, [service, history]] of SERVICES.entries()) {
      expect(await recorded(schemas[i].name, `${service}_migrations`)).toEqual(knownMigrations(history));
      expect(await recorded(schemas[i].name, 'event_store_migrations')).toEqual(knownMigrations(eventStoreMigrations));
    }
    await sql.query(
      `INSERT INTO "${schemas[2].name}".ledger_consumer_offsets VALUES ('ledger', 'ledger.commands', 0, 42)`,
    );

    const second = await runCli(['migrate'], env);
    expect({ code: second.code, stdout: second.stdout }).toEqual({ code: 0, stdout: '' });
    expect(second.stderr).toContain('up to date, nothing to apply');
    expect(
      (await sql.query(`SELECT next_offset::text FROM "${schemas[2].name}".ledger_consumer_offsets`)).rows,
    ).toEqual([{ next_offset: '42' }]);
  }, 60_000);

  it('adopts schemas whose tables the versions before migrations created, keeping their rows', async () => {
    // Those versions ran the same statements as the first migrations, all IF NOT EXISTS, at every start.
    for (const [i, [, history]] of SERVICES.entries()) {
      await sql.query(`SET search_path TO "${schemas[i].name}"`);
      for (const one of [eventStoreMigrations, history]) {
        for (const name of knownMigrations(one)) await sql.query(await readFile(join(one.dir, `${name}.sql`), 'utf8'));
      }
    }
    await sql.query('RESET search_path');
    await sql.query(`INSERT INTO "${schemas[1].name}".accounts_teams VALUES ('team-1', 'Acme', 'usd', 'acc-1', 1)`);

    const run = await runCli(['migrate'], env);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(9);
    expect((await sql.query(`SELECT id, name FROM "${schemas[1].name}".accounts_teams`)).rows).toEqual([
      { id: 'team-1', name: 'Acme' },
    ]);
    expect(await recorded(schemas[1].name, 'accounts_migrations')).toEqual(knownMigrations(accountsMigrations));
  }, 60_000);

  it('refuses a schema holding a migration it does not know, naming the schema and the migration, and applies nothing', async () => {
    expect((await runCli(['migrate'], env)).code).toBe(0);
    await sql.query(
      `INSERT INTO "${schemas[2].name}".ledger_migrations (name, run_on) VALUES ('1899999999999_from-a-newer-version', now())`,
    );
    const refused = await runCli(['migrate'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `error: schema "${schemas[2].name}" has ledger migration 1899999999999_from-a-newer-version, which this version does not know`,
    );
  }, 60_000);

  it('lets two concurrent runs both succeed, each migration applied once', async () => {
    const runs = await Promise.all([runCli(['migrate'], env), runCli(['migrate'], env)]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    expect(
      runs
        .flatMap((run) =>
          run.stdout
            .trim()
            .split('\n')
            .filter((line) => line !== ''),
        )
        .sort(),
    ).toEqual(SERVICES.flatMap(([, history], i) => appliedLines(schemas[i].name, history)).sort());
    for (const [i, [service, history]] of SERVICES.entries())
      expect(await recorded(schemas[i].name, `${service}_migrations`)).toEqual(knownMigrations(history));
  }, 60_000);
});

describe('subledger migrate on the embedded store', () => {
  let dataDir: string;
  beforeEach(async () => (dataDir = await mkdtemp(join(tmpdir(), 'subledger-migrate-'))));
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('creates the store if missing, applies every history in its one schema, then nothing', async () => {
    const env = { DATABASE_URL: '', DATA_DIR: dataDir };
    const first = await runCli(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual(
      [eventStoreMigrations, gatewayMigrations, accountsMigrations, ledgerMigrations].flatMap((one) =>
        knownMigrations(one).map((name) => `applied ${one.name} migration ${name} in schema public`),
      ),
    );
    const second = await runCli(['migrate'], env);
    expect({ code: second.code, stdout: second.stdout }).toEqual({ code: 0, stdout: '' });
  }, 90_000);
});
