import { loadavg } from 'node:os';
import { AnswerTally } from './answer-tally';
import { driveSends } from './load-run';
import { checkMoney } from './money-check';
import { UsageMeter } from './process-usage';
import type { MoneyResult, RunResult, Workload } from './run-result';
import { type BenchTeam, createTeams } from './setup-teams';
import type { SystemUnderTest } from './system-under-test';

export interface RunPlan {
  workload: Workload;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  teams: number;
  subAccountsPerTeam: number;
  settleTimeoutSeconds: number;
  /** Requests per second over all connections; unlimited when absent. */
  overallRate?: number;
  /** RSS sampling interval. */
  sampleMs?: number;
}

let runCounter = 0;

/**
 * One run: fresh teams and keys, an unmeasured warm-up, the measured load with every process's RSS
 * and CPU, then the money check, which covers the warm-up's sends too.
 */
export async function measureRun(
  system: SystemUnderTest,
  plan: RunPlan,
): Promise<{ run: RunResult; rssSeries: ReturnType<UsageMeter['stop']>['series'] }> {
  const label = `${system.mode}-${plan.workload}-${plan.connections}-${++runCounter}`;
  const teams =
    system.adminToken === null
      ? []
      : await createTeams(system.url, system.adminToken, label, plan.teams, plan.subAccountsPerTeam);
  const keys = keysOf(teams, plan);
  const tally = new AnswerTally(keys.length);
  const load = { url: system.url, keys, connections: plan.connections, overallRate: plan.overallRate, tally };
  if (plan.warmupSeconds > 0) await driveSends({ ...load, seconds: plan.warmupSeconds });
  const meter = new UsageMeter(system.pids, plan.sampleMs);
  const cpuBefore = process.cpuUsage();
  const startUs = monotonicUs();
  const result = await driveSends({ ...load, seconds: plan.seconds });
  const windowUs: [number, number] = [startUs, monotonicUs()];
  const loadToolCpu = process.cpuUsage(cpuBefore);
  const { usage, series } = meter.stop();
  const money: MoneyResult =
    system.adminToken === null
      ? { status: 'n/a', problems: [], messages: 0, failed: 0 }
      : await checkMoney({
          url: system.url,
          adminToken: system.adminToken,
          teams,
          keys,
          tally,
          settleTimeoutMs: plan.settleTimeoutSeconds * 1000,
        });
  const run: RunResult = {
    mode: system.mode,
    workload: plan.workload,
    connections: plan.connections,
    seconds: result.duration,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count ?? 0]),
    ),
    errors: result.errors,
    timeouts: result.timeouts,
    processes: usage,
    loadToolCpuSeconds: (loadToolCpu.user + loadToolCpu.system) / 1e6,
    loadAverage1m: loadavg()[0],
    floorRatio: null,
    money,
    windowUs,
  };
  return { run, rssSeries: series };
}

function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Every sub-account's key (spread), or the first one's only (hot); the floor takes any bearer. */
function keysOf(teams: readonly BenchTeam[], plan: RunPlan): string[] {
  const keys =
    teams.length === 0
      ? Array.from({ length: plan.teams * plan.subAccountsPerTeam }, (_, index) => `floor-key-${index}`)
      : teams.flatMap((team) => team.subAccounts.map((sub) => sub.apiKey));
  return plan.workload === 'hot' ? keys.slice(0, 1) : keys;
}
