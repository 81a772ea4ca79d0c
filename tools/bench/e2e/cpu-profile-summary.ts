/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that the summary reads. */
export interface CpuProfile {
  nodes: readonly { id: number; callFrame: { functionName: string; url: string } }[];
  /** Microseconds on the monotonic clock, as `process.hrtime` counts (in microseconds). */
  startTime: number;
  samples: readonly number[];
  timeDeltas: readonly number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly percent: number;
}

/** One thread's time within a window: how busy it was, and where its own (self) time went. */
export interface ProfileSummary {
  readonly sampledMs: number;
  readonly busyPercent: number;
  readonly top: readonly ProfileEntry[];
}

/**
 * Self time within [fromUs, toUs], grouped by where the code lives: an npm package by its name,
 * the project's code by its library (`libs/ledger/feature`), Node's own by `node:`, the engine's
 * entries (GC, idle, program) by their names, and PGlite's WebAssembly as one entry.
 */
export function summarizeProfile(profile: CpuProfile, fromUs: number, toUs: number, topCount = 8): ProfileSummary {
  const groups = new Map(profile.nodes.map((node) => [node.id, groupOf(node.callFrame)]));
  const times = new Map<string, number>();
  let sampled = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) return;
    sampled += delta;
    const group = groups.get(id) ?? '(unknown)';
    times.set(group, (times.get(group) ?? 0) + delta);
  });
  const percent = (us: number) => (sampled === 0 ? 0 : Math.round((1000 * us) / sampled) / 10);
  const idle = times.get('(idle)') ?? 0;
  times.delete('(idle)');
  const top = [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([name, us]) => ({ name, percent: percent(us) }));
  return { sampledMs: Math.round(sampled / 1000), busyPercent: percent(sampled - idle), top };
}

function groupOf({ functionName, url }: { functionName: string; url: string }): string {
  if (url === '') return functionName.startsWith('(') ? functionName : `(${functionName || 'native'})`;
  if (url.startsWith('wasm://')) return 'PGlite WebAssembly';
  const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (packageName) return packageName;
  if (url.startsWith('node:')) return 'node:';
  const project = /\/(libs\/[^/]+(?:\/(?:feature|domain))?|apps\/[^/]+|tools\/[^/]+)\//.exec(url)?.[1];
  return project ?? url;
}

/** `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`: the process and the thread (0 is the main one). */
export function profileFileOf(fileName: string): { pid: number; thread: number } | null {
  const match = /^CPU\.\d+\.\d+\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(fileName);
  return match ? { pid: Number(match[1]), thread: Number(match[2]) } : null;
}
