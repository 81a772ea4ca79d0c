// The end-to-end benchmark: a command with recorded results, not a test. `npm run bench:e2e -- --help`.
// Starts each mode from the compiled output (npm run build first, as the script does), drives
// POST /v1/messages with autocannon, checks the money after every run, prints one markdown table
// and writes the results as JSON for later comparison.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BenchOptions, parseBenchOptions, USAGE } from './bench-options';
import { Cleanup, runBenchMain } from './cleanup';
import { startDistributedSystem } from './distributed-system';
import { startEmbeddedSystem } from './embedded-system';
import { startFloorSystem } from './floor-system';
import { describeMachine } from './machine-info';
import { measureRun } from './measure-run';
import { headerLine, resultsTable, soakSummary } from './results-table';
import { attachProfiles, profileLines } from './run-profiles';
import { unusualLines } from './service-logs';
import type { BenchHeader, Mode, RunResult, SoakResult } from './run-result';
import { soak } from './soak-run';
import type { SystemUnderTest } from './system-under-test';

const starters: Record<Mode, (cleanup: Cleanup, nodeArgs: readonly string[]) => Promise<SystemUnderTest>> = {
  floor: startFloorSystem,
  embedded: startEmbeddedSystem,
  distributed: startDistributedSystem,
};

const cleanup = new Cleanup();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

interface ServiceLog {
  mode: Mode;
  service: string;
  /** Warning, error and non-JSON lines the service printed; saved to `file` when there are any. */
  lines: number;
  file: string | null;
}

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.help) {
    print(USAGE);
    return 0;
  }
  cleanup.runOnSignals();
  const header = describeMachine(
    options.soak ? options.soak.minutes * 60 : options.seconds,
    options.soak ? 0 : options.warmupSeconds,
  );
  const runs: RunResult[] = [];
  const logs: ServiceLog[] = [];
  let soakResult: SoakResult | undefined;
  // A mode that fails (a service crashing under load) is reported; the other modes still run.
  const failures: string[] = [];
  const attempt = async (mode: Mode, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (cleanup.interrupted) throw error;
      // A failed start carries every process's output; the start of it says why.
      failures.push(`${mode}: ${(error instanceof Error ? error.message : String(error)).slice(0, 4000)}`);
      progress(`${mode} failed: ${failures[failures.length - 1]}`);
    }
  };
  try {
    const context = (mode: Mode): SystemContext => ({
      mode,
      header,
      options,
      logs,
      measured: () => [...runs, ...(soakResult ? [soakResult.run] : [])].filter((run) => run.mode === mode),
    });
    if (options.soak)
      await attempt(
        'embedded',
        async () => void (soakResult = await withSystem(context('embedded'), (system) => soakRun(system, options))),
      );
    else
      for (const mode of options.modes)
        await attempt(mode, () => withSystem(context(mode), (system) => runMode(system, options, runs)));
  } finally {
    await cleanup.runAll();
  }
  const table = resultsTable(soakResult ? [soakResult.run] : runs);
  const report = [
    headerLine(header),
    '',
    table,
    ...(soakResult ? ['', soakSummary(soakResult)] : []),
    '',
    ...profileLines([...runs, ...(soakResult ? [soakResult.run] : [])]),
    `Warnings and errors in the services' output: ${logs.map((log) => `${log.service === log.mode ? log.mode : `${log.mode} ${log.service}`} ${log.lines}${log.file ? ` (${log.file})` : ''}`).join(', ')}`,
    ...failures.map((failure) => `\n**FAILED** ${failure}`),
  ];
  print(`\n${report.join('\n')}`);
  const file = writeResults(options.outDir, { header, runs, soak: soakResult, failures, logs });
  print(`\nResults written to ${file}`);
  const mismatches = [...runs, ...(soakResult ? [soakResult.run] : [])].filter(
    (run) => run.money.status === 'mismatch',
  );
  return mismatches.length > 0 || failures.length > 0 ? 1 : 0;
}

interface SystemContext {
  mode: Mode;
  header: BenchHeader;
  options: BenchOptions;
  logs: ServiceLog[];
  /** The runs measured on this system so far, to attach its profiles to once it has stopped. */
  measured: () => RunResult[];
}

async function withSystem<T>(
  { mode, header, options, logs, measured }: SystemContext,
  work: (system: SystemUnderTest) => Promise<T>,
): Promise<T> {
  progress(`starting ${mode}`);
  // Node writes a thread's profile when the thread ends: read once the system has stopped.
  const profiles = options.profile && mode !== 'floor' ? resolve(options.outDir, `profiles-${stamp}-${mode}`) : null;
  const system = await starters[mode](cleanup, profiles ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []);
  Object.assign(header, system.versions);
  try {
    return await work(system);
  } finally {
    progress(`stopping ${mode}`);
    await system.stop();
    logs.push(...saveUnusualLines(mode, system.logs(), options.outDir));
    if (profiles) attachProfiles(measured(), profiles, system.pids);
  }
}

async function runMode(system: SystemUnderTest, options: BenchOptions, runs: RunResult[]): Promise<void> {
  const plans = [
    ...options.connections.map((connections) => ({ workload: 'spread' as const, connections })),
    ...(options.hotConnections > 0 ? [{ workload: 'hot' as const, connections: options.hotConnections }] : []),
  ];
  for (const { workload, connections } of plans) {
    progress(`${system.mode}: ${workload} over ${connections} connections`);
    const { run } = await measureRun(system, { ...options, workload, connections });
    const floor = runs.find(
      (other) => other.mode === 'floor' && other.workload === workload && other.connections === connections,
    );
    run.floorRatio = floor && system.mode !== 'floor' ? run.requestsPerSecond / floor.requestsPerSecond : null;
    runs.push(run);
    progress(
      `  ${Math.round(run.requestsPerSecond)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.non2xx} non-2xx, money ${run.money.status}`,
    );
  }
}

function soakRun(system: SystemUnderTest, options: BenchOptions): Promise<SoakResult> {
  const settings = options.soak;
  if (!settings) throw new Error('no soak settings');
  progress(`soak: ${settings.minutes} min at ${settings.rate} req/s over ${settings.connections} connections`);
  return soak(system, settings, options);
}

function saveUnusualLines(mode: Mode, outputs: Record<string, string>, outDir: string): ServiceLog[] {
  return Object.entries(outputs).map(([service, output]) => {
    const lines = unusualLines(output);
    if (lines.length === 0) return { mode, service, lines: 0, file: null };
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `e2e-${stamp}-${mode}-${service}.log`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return { mode, service, lines: lines.length, file };
  });
}

function writeResults(outDir: string, results: object): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `e2e-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

runBenchMain('bench:e2e', main, cleanup);
