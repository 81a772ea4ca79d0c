/**
 * @long-running embedded processes, one on an empty data directory
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshEmbeddedDataDir } from '@subledger/event-store/testing';
import { startServiceProcess, type ServiceProcess } from '@subledger/test-harness';

const ENTRY = 'apps/embedded/src/main.ts';
const BANNER = /listening on (http:\/\/\S+)[\s\S]*Admin token \(([^)]*)\): (\S+)[\s\S]*curl .*\/admin\/v1\/teams/;

describe('embedded start (npm start)', () => {
  let dataDir: string;
  let running: ServiceProcess | undefined;

  beforeEach(async () => (dataDir = await mkdtemp(join(tmpdir(), 'subledger-embedded-'))));
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string> = {}) => {
    running = startServiceProcess(ENTRY, { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...env });
    const [, url, note, token] = await running.waitFor(BANNER, 60000);
    return { url, note, token };
  };

  it('serves /health on PGlite under the data directory and prints URL, admin token and a first command', async () => {
    const { url, note, token } = await start();
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', details: { pglite: { status: 'up' } } });
    // Readiness is the PGlite store answering; liveness asks nothing (docs/deployment.md, "Start-up and health").
    expect(await (await fetch(`${url}/health/ready`)).json()).toMatchObject({
      status: 'ok',
      details: { pglite: { status: 'up' } },
    });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect(note).toMatch(/generated/);
    expect(token).toMatch(/^sl_admin_[A-Za-z0-9_-]{43}$/);
    expect((await readFile(join(dataDir, 'admin-token'), 'utf8')).trim()).toBe(token);
    expect((await stat(join(dataDir, 'admin-token'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'pglite'))).isDirectory()).toBe(true);
  }, 90000);

  it('keeps the same admin token across restarts, and ADMIN_TOKEN overrides it', async () => {
    // The first test starts on an empty directory; this one skips PGlite's initdb, seconds of CPU.
    await rm(dataDir, { recursive: true, force: true });
    dataDir = await freshEmbeddedDataDir('subledger-embedded-');
    const first = await start();
    await running?.stop();
    const second = await start();
    expect(second.token).toBe(first.token);
    expect(second.note).not.toMatch(/generated/);
    await running?.stop();

    // A token the operator chose is used but never printed.
    const chosen = 'operator-chosen-token-of-at-least-32-chars';
    running = startServiceProcess(ENTRY, { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ADMIN_TOKEN: chosen });
    const [, url] = await running.waitFor(
      /listening on (http:\/\/\S+)[\s\S]*Admin token: the one in ADMIN_TOKEN[\s\S]*Bearer \$ADMIN_TOKEN/,
      60000,
    );
    expect(running.output()).not.toContain(chosen);
    const team = await fetch(`${url}/admin/v1/teams`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${chosen}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme' }),
    });
    expect(team.status).toBe(201);
    const stale = await fetch(`${url}/admin/v1/teams`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.token}`, 'Content-Type': 'application/json' },
      body: '{"name":"Acme"}',
    });
    expect(stale.status).toBe(401);
  }, 120000);

  it('refuses to start on a bad setting, naming it', async () => {
    running = startServiceProcess(ENTRY, { DATA_DIR: dataDir, PORT: 'not-a-port' });
    await running.waitFor(/failed to start: .*"PORT" must be a number/);
    expect(await running.exited()).toBe(1);
  }, 60000);
});
