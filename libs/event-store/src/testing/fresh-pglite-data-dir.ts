import { PGlite } from '@electric-sql/pglite';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A new temporary directory holding a PGlite cluster as `initdb` leaves it, for a test that wants a
 * fresh store. Opening an empty directory runs PGlite's initdb, several seconds of WebAssembly each
 * time (4 to 11 s on the project's 2-core machine, depending on load); copying a cluster
 * initialized once takes a fraction of a second, and opening it about one. The copy holds no
 * migration and no table of ours: it is what an empty directory would become, no more.
 */
export async function freshPgliteDataDir(prefix = 'subledger-pglite-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await copyInitializedPgliteCluster(dir);
  return dir;
}

/**
 * A new temporary data directory for a process of the embedded mode or the operator CLI (their
 * DATA_DIR), its PGlite cluster already initialized under `pglite/`, where they look for it
 * (libs/platform/src/event-store/event-store.module.ts). For tests whose subject is not the first
 * start on an empty directory: embedded-start.int.spec.ts and the README walkthrough keep that.
 */
export async function freshEmbeddedDataDir(prefix = 'subledger-data-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await copyInitializedPgliteCluster(join(dir, 'pglite'));
  return dir;
}

/** Puts an initialized cluster at `dir` (created if missing). */
async function copyInitializedPgliteCluster(dir: string): Promise<void> {
  await cp(await initializedCluster(), dir, { recursive: true });
}

let initialized: Promise<string> | undefined;

/** The cluster initialized once per PGlite version on this machine, kept in the temp directory between runs. */
function initializedCluster(): Promise<string> {
  initialized ??= initializeOnce();
  return initialized;
}

async function initializeOnce(): Promise<string> {
  const dir = join(tmpdir(), `subledger-pglite-${pgliteVersion()}-initdb`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  // Built aside and renamed into place, so that a test file running beside this one never copies half a cluster.
  const building = await mkdtemp(`${dir}.building-`);
  const db = await PGlite.create(building);
  await db.close();
  try {
    await rename(building, dir);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    // Another test file renamed its own into place first.
    if (!existsSync(join(dir, 'PG_VERSION'))) throw error;
  }
  return dir;
}

function pgliteVersion(): string {
  const entry = require.resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
