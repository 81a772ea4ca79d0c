import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What the lock file of a data directory says about the process that holds it. */
interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly holder: string;
  readonly since: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly lockFile: string,
    holder: LockHolder,
  ) {
    super(
      `The data directory is in use by ${holder.holder} (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
        `PGlite is one process at a time: stop it first. If no such process runs any more, delete ${lockFile}.`,
    );
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * Claims `<dataDir>/pglite.lock` for this process, so that the embedded server and the operator CLI
 * never open the same PGlite database at once: PGlite itself does not stop a second process, and
 * two writing to one directory corrupt it. A lock left by a process that no longer runs on this host
 * is taken over. The lock is released when the store closes, or at the latest when the process exits.
 */
export function claimDataDir(dataDir: string, holder: string): DataDirLock {
  const lockFile = join(dataDir, 'pglite.lock');
  const mine: LockHolder = { pid: process.pid, host: hostname(), holder, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const current = readHolder(lockFile);
      if (current !== null && current.host === mine.host && (current.pid === process.pid || !isRunning(current.pid)))
        unlinkSync(lockFile);
      else if (current !== null) throw new DataDirInUseError(lockFile, current);
      else unlinkSync(lockFile);
    }
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readHolder(lockFile)?.pid === mine.pid) unlinkSync(lockFile);
  };
  process.once('exit', release);
  return { release };
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
