import { parseArgs } from 'node:util';
import type { Mode } from './run-result';

export interface BenchOptions {
  help: boolean;
  modes: Mode[];
  seconds: number;
  warmupSeconds: number;
  connections: number[];
  /** Connections of the one-hot-sub-account run; 0 skips it. */
  hotConnections: number;
  teams: number;
  subAccountsPerTeam: number;
  settleTimeoutSeconds: number;
  outDir: string;
  /** Whether the services run under `--cpu-prof`, their profiles summarised per run. */
  profile: boolean;
  soak: { minutes: number; rate: number; connections: number; warmupSeconds: number; sampleSeconds: number } | null;
}

export const USAGE = `npm run bench:e2e -- [options]     (npm run bench:e2e-soak -- [options] for the soak)
  --modes LIST              floor,embedded,distributed (default: all three; the floor first, for the ratios)
  --duration SECONDS        measured time of each run (default 15)
  --warmup SECONDS          unmeasured load before each run, same connections (default 3)
  --connections LIST        connection counts of the spread runs over every key (default 1,8,64)
  --hot-connections N       connections of the run over one hot sub-account key; 0 skips it (default 64)
  --teams N                 teams per run (default 10)
  --sub-accounts N          sub-accounts per team, one key each (default 5)
  --settle-timeout SECONDS  how long to wait for deliveries to settle before the money check (default 300)
  --out DIR                 where the JSON results go (default bench-results)
  --profile                 run the services under node --cpu-prof (profiles in the --out folder) and
                            print each thread's busy share and top self time in every measured run
  --soak                    instead: the embedded system at a fixed rate, RSS sampled over time
  --soak-minutes N          (default 10)
  --soak-rate N             requests per second over all connections (default 5000)
  --soak-connections N      (default 64)
  --soak-warmup SECONDS     RSS after this is the reference of the 10 % flatness check (default 60)
  --soak-sample SECONDS     RSS sampling interval (default 15)`;

const MODES: readonly Mode[] = ['floor', 'embedded', 'distributed'];

export function parseBenchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      modes: { type: 'string', default: MODES.join(',') },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '1,8,64' },
      'hot-connections': { type: 'string', default: '64' },
      teams: { type: 'string', default: '10' },
      'sub-accounts': { type: 'string', default: '5' },
      'settle-timeout': { type: 'string', default: '300' },
      out: { type: 'string', default: 'bench-results' },
      profile: { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      'soak-minutes': { type: 'string', default: '10' },
      'soak-rate': { type: 'string', default: '5000' },
      'soak-connections': { type: 'string', default: '64' },
      'soak-warmup': { type: 'string', default: '60' },
      'soak-sample': { type: 'string', default: '15' },
    },
  });
  const modes = values.modes.split(',').map((mode) => mode.trim());
  const unknown = modes.filter((mode) => !MODES.includes(mode as Mode));
  if (unknown.length > 0) throw new Error(`unknown mode ${unknown.join(', ')}: use ${MODES.join(', ')}`);
  return {
    help: values.help,
    modes: MODES.filter((mode) => modes.includes(mode)),
    seconds: count(values.duration, 'duration', 1),
    warmupSeconds: count(values.warmup, 'warmup', 0),
    connections: values.connections.split(',').map((text) => count(text, 'connections', 1)),
    hotConnections: count(values['hot-connections'], 'hot-connections', 0),
    teams: count(values.teams, 'teams', 1),
    subAccountsPerTeam: count(values['sub-accounts'], 'sub-accounts', 1),
    settleTimeoutSeconds: count(values['settle-timeout'], 'settle-timeout', 1),
    outDir: values.out,
    profile: values.profile,
    soak: values.soak
      ? {
          minutes: count(values['soak-minutes'], 'soak-minutes', 1),
          rate: count(values['soak-rate'], 'soak-rate', 1),
          connections: count(values['soak-connections'], 'soak-connections', 1),
          warmupSeconds: count(values['soak-warmup'], 'soak-warmup', 0),
          sampleSeconds: count(values['soak-sample'], 'soak-sample', 1),
        }
      : null,
  };
}

function count(text: string, name: string, min: number): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be a whole number of at least ${min}, not ${JSON.stringify(text)}`);
  return value;
}
