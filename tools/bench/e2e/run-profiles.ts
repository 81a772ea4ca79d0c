import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CpuProfile, profileFileOf, summarizeProfile } from './cpu-profile-summary';
import type { RunResult } from './run-result';

/**
 * Summarises every thread's profile in `dir` (written by `node --cpu-prof` as each thread ended)
 * over each run's measured window: a thread is named by its process's name in `pids`, and a
 * worker thread (PGlite's, in embedded mode) also by its number.
 */
export function attachProfiles(runs: readonly RunResult[], dir: string, pids: Record<string, number>): void {
  if (!existsSync(dir)) return;
  const names = new Map(Object.entries(pids).map(([name, pid]) => [pid, name]));
  const threads = readdirSync(dir)
    .flatMap((file) => {
      const of = profileFileOf(file);
      const name = of ? names.get(of.pid) : undefined;
      if (!of || name === undefined) return [];
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
      return [{ label: of.thread === 0 ? name : `${name} worker ${of.thread}`, profile }];
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  for (const run of runs) {
    run.profiles = Object.fromEntries(
      threads.map(({ label, profile }) => [label, summarizeProfile(profile, run.windowUs[0], run.windowUs[1])]),
    );
  }
}

/** The report's lines on the runs' profiles; none without --profile. */
export function profileLines(runs: readonly RunResult[]): string[] {
  const lines = runs.flatMap((run) =>
    run.profiles
      ? [
          `- ${run.mode}, ${run.workload}, ${run.connections} connections:`,
          ...Object.entries(run.profiles).map(
            ([thread, summary]) =>
              `  - ${thread}: ${summary.busyPercent} % busy; ${summary.top.map((entry) => `${entry.name} ${entry.percent} %`).join(', ')}`,
          ),
        ]
      : [],
  );
  return lines.length === 0
    ? []
    : [
        '',
        "CPU profiles over each measured window (a thread's busy share, then its self time by where the code lives):",
        ...lines,
      ];
}
