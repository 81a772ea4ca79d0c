import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { ProcessUsage } from './run-result';

export interface ProcessSample {
  rssBytes: number;
  cpuSeconds: number;
}

// Kernel clock ticks per second, the unit of utime and stime in /proc/<pid>/stat.
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** RSS and CPU time (user + system) consumed so far, from /proc (Linux only). */
export function sampleProcess(pid: number): ProcessSample {
  const fields = statFields(pid);
  // Fields after the command name: utime and stime are fields 14 and 15 of stat(5), here 11 and 12.
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  const rssKb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { rssBytes: Number(rssKb ?? 0) * 1024, cpuSeconds };
}

/** The fields of /proc/<pid>/stat after the command name, which may itself hold spaces and parentheses. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The first descendant of `ancestor` whose arguments satisfy `matches` (e.g. the broker's JVM, not its watchdog shell). */
export function findDescendant(ancestor: number, matches: (args: string[]) => boolean): number | null {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(statFields(Number(entry))[1]));
    } catch {
      // The process ended while the table was being read.
    }
  }
  const descends = (pid: number): boolean => {
    for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent))
      if (parent === ancestor) return true;
    return false;
  };
  for (const pid of parents.keys()) {
    if (!descends(pid)) continue;
    try {
      if (matches(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'))) return pid;
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

export interface UsageSeries {
  name: string;
  /** Seconds since the meter started, and RSS in MB, every interval. */
  rss: { atSeconds: number; rssMb: number }[];
}

/** Samples a set of processes every `intervalMs` while a run lasts: peak RSS and CPU consumed. */
export class UsageMeter {
  private readonly first = new Map<string, ProcessSample>();
  private readonly latest = new Map<string, ProcessSample>();
  private readonly series = new Map<string, UsageSeries>();
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: Record<string, number>,
    intervalMs = 1000,
  ) {
    for (const [name, pid] of Object.entries(pids)) {
      this.first.set(name, sampleProcess(pid));
      this.series.set(name, { name, rss: [] });
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): { usage: ProcessUsage[]; series: UsageSeries[] } {
    clearInterval(this.timer);
    this.sample();
    const usage = Object.keys(this.pids).map((name) => ({
      name,
      peakRssMb: Math.max(...(this.series.get(name)?.rss.map((point) => point.rssMb) ?? [0])),
      cpuSeconds: (this.latest.get(name)?.cpuSeconds ?? 0) - (this.first.get(name)?.cpuSeconds ?? 0),
    }));
    return { usage, series: [...this.series.values()] };
  }

  private sample(): void {
    const atSeconds = (Date.now() - this.started) / 1000;
    for (const [name, pid] of Object.entries(this.pids)) {
      try {
        const sample = sampleProcess(pid);
        this.latest.set(name, sample);
        this.series.get(name)?.rss.push({ atSeconds, rssMb: sample.rssBytes / 2 ** 20 });
      } catch {
        // A process that died keeps its last numbers; the run's errors will say why.
      }
    }
  }
}
