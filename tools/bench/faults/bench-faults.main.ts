// Fault injection on the distributed stack: a command with recorded results, not a test.
// `npx nx run bench:faults` (builds first), or `node dist/tools/bench/faults/bench-faults.main.js`.
// Two replicas of each service under a steady load from a few senders; replica 0 of the ledger,
// then of accounts, then of the gateway is SIGKILLed and started again. For each kill: the 5xx
// answers, the cut connections, and how long the dead member's teams waited to be served again.
// Then every send left undecided is sent again with its own key and the money is checked.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createLoadTeams,
  createTestDatabase,
  finalAnswers,
  moneyProblems,
  type ServiceName,
  settleUndecided,
  startDistributedStack,
  startKafkaBroker,
  SteadyLoad,
} from '@subledger/test-harness';
import { Cleanup, runBenchMain } from '../e2e/cleanup';
import { describeMachine } from '../e2e/machine-info';
import { type FaultResult, fiveXxOf, inWindow, killAndRestart } from './fault-run';

const USAGE = `Usage: node dist/tools/bench/faults/bench-faults.main.js [options]
  --senders N        concurrent senders (default 8)
  --teams N          teams sent for (default 24)
  --pause MS         pause of each sender between sends (default 20)
  --phase SECONDS    steady load before each kill and after each restart (default 10)
  --dead SECONDS     how long a killed replica stays dead (default 15)
  --services LIST    which services to kill, in order (default ledger,accounts,gateway)
  --out DIR          where the JSON results go (default bench-results)`;

const cleanup = new Cleanup();

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      senders: { type: 'string', default: '8' },
      teams: { type: 'string', default: '24' },
      pause: { type: 'string', default: '20' },
      phase: { type: 'string', default: '10' },
      dead: { type: 'string', default: '15' },
      services: { type: 'string', default: 'ledger,accounts,gateway' },
      out: { type: 'string', default: 'bench-results' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return print(USAGE), 0;
  cleanup.runOnSignals();
  const plan = { phaseMs: Number(values.phase) * 1000, deadMs: Number(values.dead) * 1000 };
  const services = values.services.split(',') as ServiceName[];
  const header = describeMachine(0, 0);
  progress('starting a Kafka broker, a database and two replicas of each service');
  const broker = await startKafkaBroker();
  cleanup.add('Kafka broker', () => broker.stop());
  const database = await createTestDatabase();
  cleanup.add('database', () => database.drop());
  Object.assign(process.env, { DATABASE_URL: database.url, KAFKA_BROKERS: broker.brokers.join(',') });
  const stack = await startDistributedStack({ gateways: 2, ledgers: 2, accountsReplicas: 2, env: { RATE_LIMIT_PER_MINUTE: '1000000000' } });
  cleanup.add('services', () => stack.stop());
  const teams = await createLoadTeams(stack.gatewayUrls()[0], stack.adminToken, Number(values.teams), 100_000_000, 'Faults');
  const load = new SteadyLoad({ gatewayUrls: () => stack.gatewayUrls(), teams, senders: Number(values.senders), pauseMs: Number(values.pause), clientTimeoutMs: 30_000, runId: randomBytes(4).toString('hex') });
  const results: FaultResult[] = [];
  load.start();
  try {
    for (const service of services) {
      progress(`SIGKILL ${service}#0 under load`);
      const result = await killAndRestart(stack, load, service, plan);
      progress(`  ${JSON.stringify(result)}`);
      results.push(result);
    }
  } finally {
    await load.stop();
  }
  progress('sending again every send left undecided, then the money check');
  const settled = await settleUndecided(() => load.gatewayUrl(), teams, load.answers, Date.now() + 120_000);
  const problems = await moneyProblems(stack.gatewayUrls()[0], stack.adminToken, teams, finalAnswers(load.answers, settled), 30_000);
  await cleanup.runAll();
  const money = { status: problems.length === 0 ? 'ok' : 'mismatch', sends: load.answers.length, retried: settled.length, problems };
  const outside = load.answers.filter((answer) => !results.some((r) => inWindow(answer, r.from, r.to)));
  const steady = { sent: outside.length, fiveXx: fiveXxOf(outside), cut: outside.filter((a) => a.status === 0).length };
  print(report(results, steady, money, header));
  mkdirSync(values.out, { recursive: true });
  const file = join(values.out, `faults-${header.date.replace(/[:.]/g, '-')}.json`);
  // Every send not answered 2xx, with its times, for reading what happened when.
  const failed = load.answers.filter((a) => a.status === 0 || a.status >= 300).map((a) => ({ startedAt: new Date(a.startedAt).toISOString(), ms: a.endedAt - a.startedAt, status: a.status, code: a.code, team: a.team }));
  const faults = results.map((r) => ({ ...r, from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString() }));
  writeFileSync(file, `${JSON.stringify({ header, plan, senders: Number(values.senders), teams: teams.length, results: faults, steady, money, failed }, null, 2)}\n`);
  print(`Results written to ${file}`);
  return problems.length === 0 ? 0 : 1;
}

type Steady = { sent: number; fiveXx: Record<string, number>; cut: number };

function report(results: FaultResult[], steady: Steady, money: { status: string; sends: number; retried: number; problems: string[] }, header: ReturnType<typeof describeMachine>): string {
  const codes = (fiveXx: Record<string, number>) => Object.entries(fiveXx).map(([code, count]) => `${count} ${code}`).join(', ') || '0';
  const rows = results.map(
    (r) => `| ${r.service} | ${r.sent} | ${codes(r.fiveXx)} | ${r.cut} | ${(r.servedAgainMs / 1000).toFixed(1)} s | ${r.teamsWaited} of ${r.teams} | ${(r.restartedAfterMs / 1000).toFixed(1)} s |`,
  );
  return [
    `${header.date}, commit ${header.commit}, ${header.cpuModel}, ${header.cores} cores, Node ${header.node}`,
    '',
    '| SIGKILL of | sends | 5xx | cut | served again after | teams with a send failed or over 3 s | restarted and ready after |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    `| (no fault: the rest of the run) | ${steady.sent} | ${codes(steady.fiveXx)} | ${steady.cut} | | | |`,
    '',
    `Money: ${money.status} (${money.sends} sends, ${money.retried} sent again with their key)${money.problems.map((p) => `\n- ${p}`).join('')}`,
  ].join('\n');
}

function progress(line: string): void {
  process.stderr.write(`[faults] ${line}\n`);
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

runBenchMain('bench faults', main, cleanup);
