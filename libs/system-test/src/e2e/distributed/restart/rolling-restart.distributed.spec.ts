import { randomBytes } from 'node:crypto';
import {
  createLoadTeams,
  type DistributedStack,
  type FundedTeam,
  type LoadAnswer,
  listedMessages,
  moneyProblems,
  type ServiceProcess,
  startDistributedStack,
  startServiceProcess,
  SteadyLoad,
} from '@subledger/test-harness';

const SENDERS = 4;
const TEAMS = 4;
const PAUSE_MS = 25;
/** Load before, between and after the faults. */
const PHASE_MS = 3_000;
const CLIENT_TIMEOUT_MS = 20_000;

interface Phase {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a phase's sends were answered, by status (0: the connection failed). */
function statusesOf(answers: readonly LoadAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, code } of answers) {
    const label = status === 202 ? '202' : `${status} ${code ?? ''}`.trim();
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/**
 * Never hold partitions you cannot serve (docs/deployment.md, "Failures and restarts"): two
 * replicas each of accounts and the ledger under a small steady load. A second accounts process on
 * a taken port exits without disturbing the first; then each replica of accounts and of the ledger
 * in turn is stopped with SIGTERM and started again while the others serve. No send may be
 * answered 5xx or cut, and the money must add up: each balance is its top-up less the costs of its
 * 202s, and each team lists as many messages as it got 202s.
 */
describe('rolling restart of accounts and the ledger under load (distributed)', () => {
  let stack: DistributedStack;
  let teams: FundedTeam[];
  let load: SteadyLoad;
  const phases: Phase[] = [];
  let second: ServiceProcess;
  let secondExit: number | null;
  const stopped: { name: string; ended: number | string | null; output: string }[] = [];

  beforeAll(async () => {
    stack = await startDistributedStack({
      ledgers: 2,
      accountsReplicas: 2,
      serviceEnv: { gateway: { RATE_LIMIT_PER_MINUTE: '1000000' } },
    });
    try {
      teams = await createLoadTeams(stack.gatewayUrls()[0], stack.adminToken, TEAMS, 1_000_000, 'Rolling restart');
      load = new SteadyLoad({
        gatewayUrls: () => stack.gatewayUrls(),
        teams,
        senders: SENDERS,
        pauseMs: PAUSE_MS,
        clientTimeoutMs: CLIENT_TIMEOUT_MS,
        runId: randomBytes(4).toString('hex'),
      });
      load.start();
      await phase('steady', () => sleep(PHASE_MS));
      await phase('second accounts on a taken port', async () => {
        const first = stack.accountsReplicas[0];
        if (!first) throw new Error('accounts replica 0 is not running');
        second = startServiceProcess('apps/accounts/src/main.ts', {
          ...stack.envOf('accounts', 0),
          PORT: new URL(first.url).port,
          KAFKA_CLIENT_ID: 'accounts-second',
        });
        secondExit = await second.exited();
        await sleep(PHASE_MS);
      });
      for (const name of ['accounts', 'ledger'] as const) {
        for (const replica of [0, 1]) {
          await phase(`${name}#${replica} SIGTERM, start`, async () => {
            const child = (name === 'accounts' ? stack.accountsReplicas : stack.ledgers)[replica]?.process;
            await stack.stopReplica(name, replica, 'SIGTERM');
            stopped.push({
              name: `${name}#${replica}`,
              ended: child?.child.exitCode ?? child?.child.signalCode ?? null,
              output: child?.output() ?? '',
            });
            await stack.startReplica(name, replica);
            await sleep(PHASE_MS);
          });
        }
      }
      await load.stop();
    } catch (error) {
      await load?.stop();
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stack.output().slice(-20_000)}`);
    }
  }, 6 * 60_000);

  afterAll(async () => {
    await second?.stop('SIGKILL');
    await stack?.stop();
  });

  async function phase(name: string, run: () => Promise<void>): Promise<void> {
    const from = Date.now();
    await run();
    phases.push({ name, from, to: Date.now() });
  }

  it('lets a second accounts process on a taken port exit 1, naming the port, without ever turning to Kafka', () => {
    expect(secondExit).toBe(1);
    expect(second.output()).toMatch(/accounts failed to start: .*EADDRINUSE/);
    expect(second.output()).not.toMatch(/Waiting for Kafka|Consumers joined/);
  });

  // Nest closes the app on SIGTERM, then raises the signal again to end the process.
  it('ends each replica stopped with SIGTERM without a fatal error', () => {
    expect(
      stopped.map(({ name, ended, output }) => ({ name, ended, fatal: /fatal error|failed to start/.test(output) })),
    ).toEqual(
      ['accounts#0', 'accounts#1', 'ledger#0', 'ledger#1'].map((name) => ({ name, ended: 'SIGTERM', fatal: false })),
    );
  });

  it('answers every send of every phase 202: no 5xx, no cut connection', () => {
    const seen = phases.map(({ name, from, to }) => ({ name, statuses: statusesOf(load.between(from, to)) }));
    const sent = phases.map(({ name, from, to }) => ({ name, sent: load.between(from, to).length }));
    expect(sent.filter(({ sent: count }) => count < 20)).toEqual([]);
    expect(seen.filter(({ statuses }) => Object.keys(statuses).some((status) => status !== '202'))).toEqual([]);
    expect(statusesOf(load.answers)).toEqual({ '202': load.answers.length });
  });

  it('loses nothing: each balance is its top-up less the costs of its 202s, and each team lists its 202s', async () => {
    const url = stack.gatewayUrls()[0];
    expect(await moneyProblems(url, stack.adminToken, teams, load.answers, 15_000)).toEqual([]);
    const accepted = teams.map(
      (_, i) => load.answers.filter((answer) => answer.team === i && answer.status === 202).length,
    );
    const deadline = Date.now() + 15_000;
    let listed = await Promise.all(teams.map((team) => listedMessages(url, team.key)));
    while (listed.some((count, i) => count !== accepted[i]) && Date.now() < deadline) {
      await sleep(500);
      listed = await Promise.all(teams.map((team) => listedMessages(url, team.key)));
    }
    expect(listed).toEqual(accepted);
  });
});
