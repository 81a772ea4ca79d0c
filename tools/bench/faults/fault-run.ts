import type { DistributedStack, LoadAnswer, ServiceName, SteadyLoad } from '@subledger/test-harness';

/** What one SIGKILL of one replica cost the clients. */
export interface FaultResult {
  service: ServiceName;
  /** The window measured: from the kill to the end of the steady phase after the restart. */
  from: number;
  to: number;
  /** Sends waiting at the kill or started after it, until the restarted replica was ready and one more steady phase passed. */
  sent: number;
  /** Of those, answered 5xx, by code (e.g. `upstream_timeout`). */
  fiveXx: Record<string, number>;
  /** Of those, whose connection failed (refused by the dead gateway, or cut with it). */
  cut: number;
  /** From the kill to the first 2xx of a send started after it, for the team that waited longest. */
  servedAgainMs: number;
  /** Teams with a send that waited over 3 s or failed: the dead member's (a rebalance pauses every team for about a second). */
  teamsWaited: number;
  teams: number;
  /** From the kill until the restarted replica answered ready. */
  restartedAfterMs: number;
}

export interface FaultPlan {
  /** Steady load before the kill and after the restart. */
  phaseMs: number;
  /** How long the replica stays dead before it is started again. */
  deadMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** SIGKILLs replica 0 of `service` under the running load, starts it again after `deadMs`, and reads what the clients saw. */
export async function killAndRestart(stack: DistributedStack, load: SteadyLoad, service: ServiceName, plan: FaultPlan): Promise<FaultResult> {
  await sleep(plan.phaseMs);
  const killedAt = Date.now();
  await stack.stopReplica(service, 0, 'SIGKILL');
  await sleep(plan.deadMs);
  await stack.startReplica(service, 0);
  const restartedAfterMs = Date.now() - killedAt;
  await sleep(plan.phaseMs);
  const to = Date.now();
  return { service, from: killedAt, to, restartedAfterMs, ...whatClientsSaw(load.answers.filter((answer) => inWindow(answer, killedAt, to)), killedAt) };
}

/** A send belongs to a fault's window if it was still waiting at the kill or started before the window ended. */
export function inWindow(answer: LoadAnswer, from: number, to: number): boolean {
  return answer.endedAt >= from && answer.startedAt < to;
}

/** The 5xx of `answers`, by code. */
export function fiveXxOf(answers: readonly LoadAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers.filter((a) => a.status >= 500)) {
    const code = answer.code ?? String(answer.status);
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

function whatClientsSaw(answers: readonly LoadAnswer[], killedAt: number): Omit<FaultResult, 'service' | 'restartedAfterMs' | 'from' | 'to'> {
  const firstServed = new Map<number, number>();
  for (const answer of answers) {
    if (answer.status < 200 || answer.status >= 300 || answer.startedAt < killedAt) continue;
    const after = answer.endedAt - killedAt;
    if (after < (firstServed.get(answer.team) ?? Infinity)) firstServed.set(answer.team, after);
  }
  const teams = new Set(answers.map((a) => a.team)).size;
  // A team never served again within the window makes the wait unbounded, not the longest of the others.
  const servedAgainMs = firstServed.size < teams ? Infinity : Math.max(...firstServed.values());
  return {
    sent: answers.length,
    fiveXx: fiveXxOf(answers),
    cut: answers.filter((a) => a.status === 0).length,
    servedAgainMs,
    teamsWaited: new Set(answers.filter((a) => a.status === 0 || a.status >= 500 || a.endedAt - a.startedAt > 3_000).map((a) => a.team)).size,
    teams,
  };
}
