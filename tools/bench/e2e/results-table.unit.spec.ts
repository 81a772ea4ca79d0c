import { headerLine, resultsTable } from './results-table';
import type { RunResult } from './run-result';

const run = (overrides: Partial<RunResult>): RunResult => ({
  mode: 'embedded',
  workload: 'spread',
  connections: 64,
  seconds: 15,
  requestsPerSecond: 212.4,
  p50Ms: 240,
  p99Ms: 726.5,
  non2xx: 0,
  statusCodes: { 202: 3186 },
  errors: 0,
  timeouts: 0,
  processes: [{ name: 'embedded', peakRssMb: 724.4, cpuSeconds: 14.04 }],
  loadToolCpuSeconds: 1.26,
  loadAverage1m: 1.9,
  floorRatio: 212.4 / 10400,
  money: { status: 'ok', problems: [], messages: 3250, failed: 63 },
  windowUs: [0, 15_000_000],
  ...overrides,
});

describe('resultsTable', () => {
  it('prints a markdown row per run, naming processes only when there are several', () => {
    const table = resultsTable([
      run({}),
      run({
        mode: 'distributed',
        workload: 'hot',
        processes: [
          { name: 'gateway', peakRssMb: 180, cpuSeconds: 6.6 },
          { name: 'kafka', peakRssMb: 310.2, cpuSeconds: 6.61 },
        ],
        floorRatio: null,
        p50Ms: 0,
        errors: 2,
        timeouts: 1,
      }),
    ]).split('\n');
    expect(table[0]).toBe(
      '| mode | workload | conns | req/s | p50 ms | p99 ms | non-2xx | errors (timeouts) | peak RSS MB | CPU s | load tool CPU s | vs floor | money | load 1m |',
    );
    expect(table[2]).toBe(
      '| embedded | spread | 64 | 212 | 240 | 727 | 0 | 0 (0) | 724 | 14.0 | 1.3 | 2.0 % | ok (3,250 msgs, 63 failed) | 1.90 |',
    );
    expect(table[3]).toContain(
      '| distributed | hot | 64 | 212 | <1 | 727 | 0 | 2 (1) | gateway 180, kafka 310 | gateway 6.6, kafka 6.6 | 1.3 | - |',
    );
    expect(table).toHaveLength(4);
  });

  it('marks a money mismatch in the row and lists every problem under the table', () => {
    const table = resultsTable([
      run({
        money: {
          status: 'mismatch',
          problems: ['team_1: balance 5 cents, expected 4', 'key 3: lists 9 messages for 10 accepted sends'],
          messages: 10,
          failed: 0,
        },
      }),
    ]);
    expect(table).toContain('**MISMATCH** (10 msgs, 0 failed; 2 problems)');
    expect(table).toContain(
      '- embedded spread 64: team_1: balance 5 cents, expected 4\n- embedded spread 64: key 3: lists 9 messages for 10 accepted sends',
    );
  });
});

describe('headerLine', () => {
  it('names the machine, the versions, the duration and the load at start', () => {
    expect(
      headerLine({
        date: '2026-12-05T03:30:00.000Z',
        commit: 'abc1234',
        cpuModel: 'AMD EPYC',
        cores: 2,
        memoryGb: 23.54,
        node: 'v20.20.2',
        postgres: '15.20',
        kafka: '3.9.1',
        seconds: 15,
        warmupSeconds: 3,
        loadAverageAtStart: [0.42, 0.3, 0.2],
      }),
    ).toBe(
      'Machine: 2 cores, AMD EPYC, 23.5 GB RAM; Node v20.20.2; PostgreSQL 15.20; Kafka 3.9.1; 15 s per run after 3 s of warm-up; 2026-12-05T03:30:00.000Z; commit abc1234; load average at start 0.42 0.30 0.20',
    );
  });
});
