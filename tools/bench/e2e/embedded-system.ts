import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess } from '@subledger/test-harness';
import type { Cleanup } from './cleanup';
import { SERVICE_ENV, stopProcess, type SystemUnderTest } from './system-under-test';

/**
 * `npm start` from its compiled output, on a fresh data folder, at the default log level and with
 * the delivery simulator at its defaults: what a user gets.
 */
export async function startEmbeddedSystem(
  cleanup: Cleanup,
  nodeArgs: readonly string[] = [],
): Promise<SystemUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'subledger-bench-'));
  const removeData = cleanup.add('embedded data folder', async () => rmSync(dataDir, { recursive: true, force: true }));
  const adminToken = `bench-admin-${randomBytes(24).toString('hex')}`;
  const env = { DATA_DIR: dataDir, PORT: '0', ADMIN_TOKEN: adminToken, ...SERVICE_ENV };
  const app = startServiceProcess('apps/embedded/src/main.ts', env, nodeArgs);
  const stopApp = cleanup.add('embedded process', () => stopProcess(app));
  const [, url] = await app.waitFor(/listening on (http:\/\/\S+)/, 180_000);
  return {
    mode: 'embedded',
    url,
    adminToken,
    pids: { embedded: app.child.pid ?? 0 },
    versions: {},
    // The start banner (URL, token source, a first command) is the only plain text it prints by design.
    logs: () => ({ embedded: app.output().replace(/^Subledger \(embedded mode\)[\s\S]*?\/admin\/v1\/teams.*\n/m, '') }),
    stop: async () => {
      await stopApp();
      await removeData();
    },
  };
}
