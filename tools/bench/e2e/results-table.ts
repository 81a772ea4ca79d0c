import type { BenchHeader, MoneyResult, ProcessUsage, RunResult, SoakResult } from './run-result';

export function headerLine(header: BenchHeader): string {
  return (
    `Machine: ${header.cores} cores, ${header.cpuModel}, ${header.memoryGb.toFixed(1)} GB RAM; Node ${header.node}; ` +
    `PostgreSQL ${header.postgres}; Kafka ${header.kafka}; ${header.seconds} s per run after ${header.warmupSeconds} s of warm-up; ` +
    `${header.date}; commit ${header.commit}; load average at start ${header.loadAverageAtStart.map((load) => load.toFixed(2)).join(' ')}`
  );
}

const COLUMNS = [
  'mode',
  'workload',
  'conns',
  'req/s',
  'p50 ms',
  'p99 ms',
  'non-2xx',
  'errors (timeouts)',
  'peak RSS MB',
  'CPU s',
  'load tool CPU s',
  'vs floor',
  'money',
  'load 1m',
];

/** One markdown table, a row per run; then every money problem in full, since a cell shows only the first. */
export function resultsTable(runs: readonly RunResult[]): string {
  const rows = runs.map((run) => [
    run.mode,
    run.workload,
    String(run.connections),
    Math.round(run.requestsPerSecond).toLocaleString('en-US'),
    milliseconds(run.p50Ms),
    milliseconds(run.p99Ms),
    String(run.non2xx),
    `${run.errors} (${run.timeouts})`,
    perProcess(run.processes, (usage) => usage.peakRssMb.toFixed(0)),
    perProcess(run.processes, (usage) => usage.cpuSeconds.toFixed(1)),
    run.loadToolCpuSeconds.toFixed(1),
    run.floorRatio === null ? '-' : `${(run.floorRatio * 100).toFixed(1)} %`,
    moneyCell(run.money),
    run.loadAverage1m.toFixed(2),
  ]);
  const lines = [COLUMNS, COLUMNS.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  const problems = runs.flatMap((run) =>
    run.money.problems.map((problem) => `- ${run.mode} ${run.workload} ${run.connections}: ${problem}`),
  );
  return [...lines, ...(problems.length > 0 ? ['', '**Money mismatches:**', ...problems] : [])].join('\n');
}

// autocannon records latencies in whole milliseconds, truncated: 0 means under one.
function milliseconds(value: number): string {
  return value < 1 ? '<1' : value.toFixed(0);
}

function perProcess(processes: readonly ProcessUsage[], value: (usage: ProcessUsage) => string): string {
  return processes.map((usage) => (processes.length === 1 ? value(usage) : `${usage.name} ${value(usage)}`)).join(', ');
}

function moneyCell(money: MoneyResult): string {
  if (money.status === 'n/a') return '-';
  const counts = `${money.messages.toLocaleString('en-US')} msgs, ${money.failed} failed`;
  if (money.status === 'ok') return `ok (${counts})`;
  return `**MISMATCH** (${counts}; ${money.problems.length} problems)`;
}

/** The soak's RSS story: first, last and highest sample, and the 10 % check after the warm-up. */
export function soakSummary(soak: SoakResult): string {
  const { rss, options, run } = soak;
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  return [
    `Soak: ${options.minutes} min at a target of ${options.rate} req/s over ${options.connections} connections: ` +
      `${Math.round(run.requestsPerSecond)} req/s reached, p99 ${milliseconds(run.p99Ms)} ms, ${run.non2xx} non-2xx, money ${moneyCell(run.money)}`,
    `RSS first ${mb(rss.firstMb)}, last ${mb(rss.lastMb)}, max ${mb(rss.maxMb)}; after ${options.warmupSeconds} s of warm-up ` +
      `${mb(rss.referenceMb)} rising to at most ${mb(rss.maxAfterWarmupMb)}: ${rss.flat ? 'flat (within 10 %)' : '**GREW more than 10 %**'}`,
    `Samples every ${options.sampleSeconds} s (MB): ${soak.samples.map((point) => point.rssMb.toFixed(0)).join(' ')}`,
  ].join('\n');
}
