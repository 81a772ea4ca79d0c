/**
 * The embedded server from dist/ and its schema migrations: applied at start by default, verified
 * only with MIGRATIONS=verify, and a store migrated by a newer version refused.
 *
 * @long-running embedded processes and CLI processes
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createPgliteEventStore } from '@subledger/event-store';
import { freshEmbeddedDataDir } from '@subledger/event-store/testing';
import { startServiceProcess, type ServiceProcess } from '@subledger/test-harness';
import { runCli } from '../../cli/src/testing/run-cli';

const ENTRY = 'apps/embedded/src/main.ts';
const LISTENING = /listening on (http:\/\/\S+)/;

describe('embedded start and schema migrations', () => {
  let dataDir: string;
  let running: ServiceProcess | undefined;

  // A store as PGlite's initdb leaves it, without any migration (embedded-start.int.spec.ts starts on an empty directory).
  beforeEach(async () => {
    dataDir = await freshEmbeddedDataDir('subledger-embedded-migrations-');
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string> = {}) =>
    (running = startServiceProcess(ENTRY, { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', ...env }));

  it('applies the migrations of a fresh store at start, saying which, and applies nothing at the next start', async () => {
    const [, url] = await start().waitFor(LISTENING, 60_000);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    expect(running?.output()).toMatch(/Applied ledger migration 1796475003000_ledger-tables in schema public/);
    await running?.stop();
    await start().waitFor(LISTENING, 60_000);
    expect(running?.output()).not.toMatch(/Applied .* migration/);
  }, 120_000);

  it('with MIGRATIONS=verify, refuses a store with pending migrations, and starts once `subledger migrate` has run', async () => {
    start({ MIGRATIONS: 'verify' });
    await running?.waitFor(
      /subledger failed to start: schema "public" lacks event-store migration 1796475000000_event-store-tables, 1796475000100_wrong-expected-version and MIGRATIONS=verify/,
      60_000,
    );
    expect(await running?.exited()).toBe(1);

    expect((await runCli(['migrate'], { DATABASE_URL: '', DATA_DIR: dataDir })).code).toBe(0);
    const [, url] = await start({ MIGRATIONS: 'verify' }).waitFor(LISTENING, 60_000);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  }, 120_000);

  it('refuses a store a newer version migrated, in one line naming the schema and the migration, with exit code 1', async () => {
    expect((await runCli(['migrate'], { DATABASE_URL: '', DATA_DIR: dataDir })).code).toBe(0);
    const store = await createPgliteEventStore({ db: join(dataDir, 'pglite') });
    await store.sql.query(
      `INSERT INTO public.ledger_migrations (name, run_on) VALUES ('1899999999999_from-a-newer-version', now())`,
    );
    await store.close();

    start();
    await running?.waitFor(/failed to start/, 60_000);
    expect(await running?.exited()).toBe(1);
    const refusals = (running?.output() ?? '')
      .split('\n')
      .filter((line) => line.includes('1899999999999_from-a-newer-version'));
    expect(refusals).toEqual([
      'subledger failed to start: schema "public" has ledger migration 1899999999999_from-a-newer-version, which this version does not know: ' +
        'the schema was migrated by a newer version; run that version (or a newer one), or restore the database from before that migration',
    ]);
  }, 120_000);

  it('refuses a bad MIGRATIONS setting, naming it', async () => {
    start({ MIGRATIONS: 'later' });
    await running?.waitFor(/failed to start: .*"MIGRATIONS" must be apply .* or verify/, 60_000);
    expect(await running?.exited()).toBe(1);
  }, 60_000);
});
