// Benchmark of the ledger writer on PostgreSQL: a command, not a test. Usage (from the compiled output):
//   npm run bench:ledger -- [charges=100000] [batch=500] [rounds=3]
// DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres). Every round
// of every workload runs in fresh schemas, dropped afterwards.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { createPostgresEventStore } from '@subledger/event-store';
import type { MessageBus } from '@subledger/messaging';
import { systemClock } from '@subledger/platform';
import { LedgerCommandHandler } from '../src/commands/ledger-command.handler';
import { LedgerMetrics } from '../src/metrics/ledger-metrics';
import { applyLedgerMigrations } from '../src/store/ledger-migrations';
import { TeamLedgerCache } from '../src/team-state/team-ledger.cache';
import { chargeWorkload, type Workload } from './bench-workloads';
import { cpuBetween, sampleCpu } from './cpu-usage';
import { chargeEventRows, minimalInsertRate, plainInsertRate, storeAppendRate } from './plain-insert.baseline';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const charges = Number(process.argv[2] ?? 100_000);
const batchSize = Number(process.argv[3] ?? 500);
const rounds = Number(process.argv[4] ?? 3);
const APPLICATION = 'subledger-ledger-bench';

// Invalid commands are dead-lettered through the bus; the workloads hold none.
const noBus: MessageBus = {
  publish: () => {
    throw new Error('the benchmark sends no invalid command');
  },
  handOver: () => Promise.reject(new Error('unused')),
  subscribe: () => undefined,
  request: () => Promise.reject(new Error('unused')),
};

interface Round {
  ledger: number;
  /** CPU microseconds per charge, in Node and in the server (NaN when the server's is unknown). */
  nodeCpu: number;
  databaseCpu: number;
  plain: number;
  minimal: number;
  append: number;
}

/** The writer over the workload, then the same event rows by plain INSERTs and by the store's appendMany. */
async function runRound(workload: Workload): Promise<Round> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const pool = `${url}${url.includes('?') ? '&' : '?'}application_name=${APPLICATION}`;
  const store = createPostgresEventStore({ pool, schema, maxConnections: 4 });
  try {
    await store.migrate();
    await applyLedgerMigrations(store);
    const writer = new LedgerCommandHandler(store, noBus, systemClock, new TeamLedgerCache(), {}, new LedgerMetrics());
    for (const batch of workload.setup) await writer.handle(batch);
    const before = await sampleCpu(store.sql, APPLICATION);
    const started = process.hrtime.bigint();
    // Each partition's batches one after another, the partitions side by side, as the bus delivers them.
    await Promise.all(
      workload.partitions.map(async (batches) => {
        for (const batch of batches) await writer.handle(batch);
      }),
    );
    const ledger = workload.charges / (Number(process.hrtime.bigint() - started) / 1e9);
    const cpu = cpuBetween(before, await sampleCpu(store.sql, APPLICATION));
    const rows = await chargeEventRows(store);
    if (rows.length !== workload.charges)
      throw new Error(`${rows.length} charge events for ${workload.charges} charges`);
    const plain = await plainInsertRate(store, rows, batchSize);
    const minimal = await minimalInsertRate(store, rows, batchSize);
    const append = await storeAppendRate(url, `${schema}_append`, rows, batchSize);
    const perCharge = (seconds: number | null) => (seconds === null ? Number.NaN : (seconds * 1e6) / workload.charges);
    return {
      ledger,
      nodeCpu: perCharge(cpu.node),
      databaseCpu: perCharge(cpu.database),
      plain: plain.perSecond,
      minimal: minimal.perSecond,
      append: append.perSecond,
    };
  } finally {
    await store.sql.query(`DROP SCHEMA IF EXISTS ${store.quotedSchema} CASCADE`);
    await store.close();
  }
}

async function runWorkload(workload: Workload): Promise<void> {
  const results: Round[] = [];
  for (let round = 0; round < rounds; round++) results.push(await runRound(workload));
  const median = (pick: (round: Round) => number) =>
    results.map(pick).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const each = (pick: (round: Round) => number) => results.map((round) => fmt(pick(round))).join(' ');
  const cpu = `${median((r) => r.nodeCpu).toFixed(1)} + ${median((r) => r.databaseCpu).toFixed(1)}`;
  print(
    `| ${workload.name} | ${fmt(median((r) => r.ledger))} (${each((r) => r.ledger)}) | ${cpu} | ${fmt(median((r) => r.plain))} | ` +
      `${fmt(median((r) => r.minimal))} | ${median((r) => r.ledger / r.plain).toFixed(2)} | ${fmt(median((r) => r.append))} | ${load()} |`,
  );
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fmt(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

function load(): string {
  return loadavg()[0].toFixed(1);
}

async function main(): Promise<void> {
  const cpu = cpus();
  print(
    `${charges.toLocaleString('en-US')} charges in batches of ${batchSize}, median of ${rounds} rounds; ${cpu.length} cores (${cpu[0]?.model}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${await serverVersion()}; load average ${load()} at the start`,
  );
  print(
    '| workload | ledger charges/s (each round) | CPU µs per charge, Node + PostgreSQL | plain INSERT of the same rows, rows/s | minimal rows INSERT, rows/s | ledger / plain | store appendMany alone, rows/s | load average after |',
  );
  print('|---|---|---|---|---|---|---|---|');
  await runWorkload(chargeWorkload('1 hot team', 1, charges, batchSize));
  await runWorkload(chargeWorkload('1,000 teams, 1 partition', 1_000, charges, batchSize));
  await runWorkload(chargeWorkload('1,000 teams, 4 partitions', 1_000, charges, batchSize, 4));
}

async function serverVersion(): Promise<string> {
  const store = createPostgresEventStore({ pool: url });
  try {
    const { rows } = await store.sql.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0].server_version}`;
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
