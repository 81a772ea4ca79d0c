import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrashLoad } from '../load/crash-load';
import { type CrashTeam, createCrashTeams } from '../load/crash-teams';
import { CHECK_NAMES } from './fault-audit';
import { type FaultPlan, type FaultResult, runFault } from './fault-cycles';
import type { FaultKind } from './fault-kinds';
import { faultTable } from './fault-table';
import { type FaultTarget, startFaultTarget } from './fault-target';
import { FAULT_TEAMS } from './fault-teams';

// One cycle of the harsher faults (docs/deployment.md, "Failures and restarts"), each under a load of
// senders: the accounts service SIGKILLed with sends in flight and started again, the gateway
// SIGKILLed with requests of its own in flight and started again, the Kafka broker SIGKILLed and
// started again on its port and data, then every PostgreSQL connection of the services terminated.
// After each, every send without a definitive answer is sent again with its key, and the whole run
// so far is audited with the ledger crash spec's checks. The ledger's own SIGKILLs are the crash
// spec's (20 cycles); `npm run faults` runs every kind, any number of cycles, outside Jest.

const KINDS: readonly FaultKind[] = ['accounts', 'gateway', 'broker', 'postgres'];
const PLAN: FaultPlan = { phaseMs: 4_000, deadMs: 3_000, servingTimeoutMs: 60_000 };
const LOG = join(tmpdir(), `subledger-faults-${Date.now()}.log`);

describe('faults under load: accounts, the gateway and the broker killed and restarted, the database connections terminated (distributed)', () => {
  let target: FaultTarget;
  let teams: CrashTeam[];
  let load: CrashLoad;
  const results = new Map<FaultKind, FaultResult>();

  beforeAll(async () => {
    // Two gateways, so that the senders have one to turn to while the other is dead.
    target = await startFaultTarget({ replicas: 1, gateways: 2 });
    try {
      teams = await createCrashTeams(target.stack.gatewayUrls()[0], target.stack.adminToken, FAULT_TEAMS);
      load = new CrashLoad({
        gatewayUrls: () => target.stack.gatewayUrls(),
        accounts: teams.flatMap((team) => team.accounts),
        senders: 6,
        pauseMs: 10,
        clientTimeoutMs: 30_000,
        runId: randomBytes(4).toString('hex'),
      });
      for (const kind of KINDS) results.set(kind, await runFault({ target, load, teams, plan: PLAN }, kind, 1));
    } catch (error) {
      writeFileSync(LOG, target.stack.output());
      throw new Error(`${error instanceof Error ? error.message : String(error)} (what the services printed: ${LOG})`);
    }
    process.stdout.write(`${faultTable([...results.values()])}\n`);
  }, 420_000);

  afterAll(async () => {
    try {
      // A sender that failed (e.g. with no gateway to send to) fails the stop; the processes are stopped all the same.
      await load?.stop();
    } finally {
      await target?.stop();
      // What every process printed, for reading what happened at each fault.
      if (target !== undefined) writeFileSync(LOG, target.stack.output());
      process.stdout.write(`what the services printed is kept in ${LOG}\n`);
    }
  }, 60_000);

  const resultOf = (kind: FaultKind): FaultResult => {
    const result = results.get(kind);
    if (result === undefined) throw new Error(`the ${kind} fault did not run`);
    return result;
  };

  it.each(KINDS)('%s: struck with sends in flight, and every team was served again', (kind) => {
    const { inFlight, servedAgainMs } = resultOf(kind);
    expect({ inFlight: inFlight > 0, servedAgain: Number.isFinite(servedAgainMs) }).toEqual({
      inFlight: true,
      servedAgain: true,
    });
  });

  it.each(KINDS)('%s: answered each send 202, 402, 503 upstream_timeout or not at all, nothing else', (kind) => {
    const { fiveXx, other } = resultOf(kind);
    const { upstream_timeout: _timeouts, ...unexpected } = { ...fiveXx, ...other };
    expect(unexpected).toEqual({});
  });

  it.each(KINDS)('%s: every check of the audit held after it', (kind) => {
    const failed = Object.fromEntries(
      resultOf(kind)
        .checks.filter((check) => check.violations.length > 0)
        .map((check) => [check.name, check.violations.slice(0, 10)]),
    );
    expect({ checks: resultOf(kind).checks.map((check) => check.name), failed }).toEqual({
      checks: [...CHECK_NAMES],
      failed: {},
    });
  });

  it('kept every service process it did not kill running through the faults', () => {
    const { stack } = target;
    const services = [...stack.gateways, ...stack.accountsReplicas, ...stack.ledgers].filter(
      (service) => service !== undefined,
    );
    const ended = services.filter(({ process: { child } }) => child.exitCode !== null || child.signalCode !== null);
    expect({
      running: services.length,
      ended: ended.map(
        ({ name, replica, process: { child } }) => `${name}#${replica} ended (${child.exitCode ?? child.signalCode})`,
      ),
    }).toEqual({ running: 4, ended: [] });
  });
});
