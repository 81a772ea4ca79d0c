// Fault injection on the distributed stack: a command with recorded results, not a test.
// `npm run faults -- --cycles N` (builds first), or `node dist/tools/bench/faults/faults.main.js`.
// Two replicas of each service on a broker and a database of their own, under a load of senders
// charging teams with capped sub-accounts; each cycle injects every chosen fault once (a SIGKILL of
// a ledger, accounts or gateway replica, or of the broker, each started again; every database
// connection terminated), then sends again every undecided send with its key and audits the money
// with the ledger crash spec's checks. docs/deployment.md, "Failures and restarts".
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checksHeld,
  CrashLoad,
  createCrashTeams,
  FAULT_KINDS,
  FAULT_TEAMS,
  type FaultPlan,
  type FaultResult,
  faultSummary,
  faultTable,
  parseFaultKinds,
  runFaultCycles,
  startFaultTarget,
} from '@subledger/system-test';
import { Cleanup, runBenchMain } from '../e2e/cleanup';
import { describeMachine } from '../e2e/machine-info';

const USAGE = `Usage: npm run faults -- [options]   (or node dist/tools/bench/faults/faults.main.js)
  --cycles N         times every chosen fault is injected (default 1)
  --kinds LIST       which faults, in order (default ${FAULT_KINDS.join(',')})
  --replicas N       replicas of each service (default 2)
  --senders N        concurrent senders (default 8)
  --pause MS         pause of each sender between sends (default 20)
  --phase SECONDS    steady load before each fault, and after the system serves again (default 10)
  --dead SECONDS     how long a killed replica or broker stays dead (default 15)
  --out DIR          where the JSON results go (default bench-results)`;

const cleanup = new Cleanup();

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '1' },
      kinds: { type: 'string', default: FAULT_KINDS.join(',') },
      replicas: { type: 'string', default: '2' },
      senders: { type: 'string', default: '8' },
      pause: { type: 'string', default: '20' },
      phase: { type: 'string', default: '10' },
      dead: { type: 'string', default: '15' },
      out: { type: 'string', default: 'bench-results' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return (print(USAGE), 0);
  const kinds = parseFaultKinds(values.kinds);
  const cycles = Number(values.cycles);
  const plan: FaultPlan = {
    phaseMs: Number(values.phase) * 1000,
    deadMs: Number(values.dead) * 1000,
    servingTimeoutMs: 120_000,
  };
  cleanup.runOnSignals();
  const header = describeMachine(0, 0);
  progress(`starting a Kafka broker, a database and ${values.replicas} replicas of each service`);
  const target = await startFaultTarget({ replicas: Number(values.replicas) });
  cleanup.add('services, broker and database', () => target.stop());
  const teams = await createCrashTeams(target.stack.gatewayUrls()[0], target.stack.adminToken, FAULT_TEAMS);
  const load = new CrashLoad({
    gatewayUrls: () => target.stack.gatewayUrls(),
    accounts: teams.flatMap((team) => team.accounts),
    senders: Number(values.senders),
    pauseMs: Number(values.pause),
    clientTimeoutMs: 30_000,
    runId: randomBytes(4).toString('hex'),
  });
  progress(`${cycles} cycle(s) of ${kinds.join(', ')}`);
  const results: FaultResult[] = [];
  let failure: string | null = null;
  try {
    await runFaultCycles({ target, load, teams, plan }, kinds, cycles, (result) => {
      results.push(result);
      progress(faultTable([result]).split('\n')[2]);
    });
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    progress(`the run stopped: ${failure}\n${target.stack.output().slice(-20_000)}`);
  }
  await cleanup.runAll();
  const decided = load.records.filter(
    (record) => record.final?.type === 'accepted' || record.final?.type === 'refused',
  ).length;
  print(
    `${header.date}, commit ${header.commit}, ${header.cpuModel}, ${header.cores} cores, Node ${header.node}, load average at start ${header.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  print('');
  print(faultTable(results));
  print('');
  print(faultSummary(results));
  print('');
  print(
    `${load.records.length} sends, ${decided} decided (202 or 402) at the end${failure === null ? '' : `; the run stopped: ${failure}`}`,
  );
  mkdirSync(values.out, { recursive: true });
  const file = join(values.out, `faults-${header.date.replace(/[:.]/g, '-')}.json`);
  const faults = results.map((result) => ({
    ...result,
    at: new Date(result.at).toISOString(),
    servedAgainMs: Number.isFinite(result.servedAgainMs) ? result.servedAgainMs : null,
  }));
  const options = {
    cycles,
    kinds,
    replicas: Number(values.replicas),
    senders: Number(values.senders),
    pauseMs: Number(values.pause),
    ...plan,
  };
  writeFileSync(
    file,
    `${JSON.stringify({ header, options, teams: FAULT_TEAMS, sends: load.records.length, results: faults, failure }, null, 2)}\n`,
  );
  // What every process printed, killed ones included, for reading what happened at each fault.
  writeFileSync(file.replace(/\.json$/, '.log'), target.stack.output());
  print(`Results written to ${file}, the services' output beside it (.log)`);
  return failure === null && results.every(checksHeld) ? 0 : 1;
}

function progress(line: string): void {
  process.stderr.write(`[faults] ${line}\n`);
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

runBenchMain('faults', main, cleanup);
