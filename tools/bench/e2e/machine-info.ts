import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchHeader } from './run-result';

/** The machine and code a run measured; PostgreSQL and Kafka versions are filled in by the modes that use them. */
export function describeMachine(seconds: number, warmupSeconds: number): BenchHeader {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    date: new Date().toISOString(),
    commit: commitOf(),
    cpuModel: model.trim(),
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    postgres: 'not used',
    kafka: 'not used',
    seconds,
    warmupSeconds,
    loadAverageAtStart: loadavg(),
  };
}

/** The commit, marked when tracked files differ from it: the services are built from the working tree. */
function commitOf(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no']).toString().trim() !== '';
    return changed ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}
