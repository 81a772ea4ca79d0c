import type { ProfileSummary } from './cpu-profile-summary';
import type { RssFlatness, RssPoint } from './rss-flatness';

export type Mode = 'floor' | 'embedded' | 'distributed';

/** `spread`: sends rotate over every sub-account key; `hot`: every send uses one sub-account's key. */
export type Workload = 'spread' | 'hot';

export interface ProcessUsage {
  name: string;
  /** Highest RSS sampled during the run. */
  peakRssMb: number;
  /** CPU time (user + system) the process consumed during the run. */
  cpuSeconds: number;
}

export interface MoneyResult {
  status: 'ok' | 'mismatch' | 'n/a';
  problems: string[];
  /** Messages the sub-accounts listed, and how many of them failed (and were refunded). */
  messages: number;
  failed: number;
}

export interface RunResult {
  mode: Mode;
  workload: Workload;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  processes: ProcessUsage[];
  /** CPU of the benchmark's own process, which drives the load on the same cores. */
  loadToolCpuSeconds: number;
  loadAverage1m: number;
  /** req/s over the floor's req/s at the same connection count and workload; null without a floor run. */
  floorRatio: number | null;
  money: MoneyResult;
  /** The measured load on the monotonic clock, in microseconds (a CPU profile's time base). */
  windowUs: [number, number];
  /** Per service thread, with --profile: its busy share and top self time in the window. */
  profiles?: Record<string, ProfileSummary>;
}

export interface BenchHeader {
  date: string;
  commit: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  kafka: string;
  seconds: number;
  warmupSeconds: number;
  loadAverageAtStart: number[];
}

export interface SoakOptions {
  minutes: number;
  rate: number;
  connections: number;
  warmupSeconds: number;
  sampleSeconds: number;
}

export interface SoakResult {
  options: SoakOptions;
  run: RunResult;
  /** RSS of the embedded process over the soak. */
  samples: RssPoint[];
  rss: RssFlatness;
}
