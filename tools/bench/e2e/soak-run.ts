import { measureRun } from './measure-run';
import { rssFlatness } from './rss-flatness';
import type { SoakOptions, SoakResult } from './run-result';
import type { SystemUnderTest } from './system-under-test';

export interface SoakSetup {
  teams: number;
  subAccountsPerTeam: number;
  settleTimeoutSeconds: number;
}

/** Deliverable 4's check: the embedded system driven at a fixed rate for minutes, its RSS sampled over time. */
export async function soak(system: SystemUnderTest, options: SoakOptions, setup: SoakSetup): Promise<SoakResult> {
  const { run, rssSeries } = await measureRun(system, {
    ...setup,
    workload: 'spread',
    connections: options.connections,
    seconds: options.minutes * 60,
    warmupSeconds: 0,
    overallRate: options.rate,
    sampleMs: options.sampleSeconds * 1000,
  });
  const samples = rssSeries[0]?.rss ?? [];
  return { options, run, samples, rss: rssFlatness(samples, options.warmupSeconds) };
}
