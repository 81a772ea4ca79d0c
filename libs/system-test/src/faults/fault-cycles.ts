import type { CrashLoad } from '../load/crash-load';
import type { CrashTeam } from '../load/crash-teams';
import { auditRun, type CheckResult } from './fault-audit';
import type { FaultKind } from './fault-kinds';
import type { FaultTarget } from './fault-target';
import { faultWindow, type FaultWindow } from './fault-window';
import { type FaultTiming, injectFault } from './inject-fault';

export interface FaultPlan extends FaultTiming {
  /** Steady load before each fault, and again once the system serves after it. */
  readonly phaseMs: number;
  /** How long a send started after the restart may take to be answered 202 or 402 before the run gives up. */
  readonly servingTimeoutMs: number;
}

/** One fault, what the clients saw of it, and the audit after it. */
export interface FaultResult extends FaultWindow {
  readonly kind: FaultKind;
  readonly cycle: number;
  readonly at: number;
  /** Sends in flight when it struck (for a gateway, on that gateway). */
  readonly inFlight: number;
  readonly detail: string;
  /** From the fault until what it killed was started again and ready. */
  readonly restartedAfterMs: number;
  readonly resent: number;
  readonly checks: readonly CheckResult[];
}

export interface FaultRun {
  readonly target: FaultTarget;
  readonly load: CrashLoad;
  readonly teams: readonly CrashTeam[];
  readonly plan: FaultPlan;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One fault under load: the load runs for a phase, the fault strikes with sends in flight, what it
 * killed is started again, the load goes on until every team has had a send started since decided
 * and one more phase passes; then the load stops and the run so far is audited. Waiting for every
 * team, not for a fixed time, keeps the window whole on a machine busy with other work.
 */
export async function runFault(run: FaultRun, kind: FaultKind, cycle: number): Promise<FaultResult> {
  const { target, load, teams, plan } = run;
  load.cycle = cycle;
  load.start();
  let windowEnd: number;
  let fault;
  try {
    await sleep(plan.phaseMs);
    fault = await injectFault(kind, target, load, plan);
    await everyTeamServedSince(
      load,
      teams,
      fault.at,
      fault.restartedAt + plan.servingTimeoutMs,
      `after the ${kind} fault of cycle ${cycle}`,
    );
    await sleep(plan.phaseMs);
    windowEnd = Date.now();
  } finally {
    await load.stop();
  }
  const audit = await auditRun(target.databaseUrl, target.stack.schemas.ledger, load, teams);
  return {
    kind,
    cycle,
    at: fault.at,
    inFlight: fault.inFlight,
    detail: fault.detail,
    restartedAfterMs: fault.restartedAt - fault.at,
    ...faultWindow(load.records, teams, fault.at, windowEnd),
    ...audit,
  };
}

/** Every kind once per cycle, in order; `onResult` hears of each fault as soon as it is audited. */
export async function runFaultCycles(
  run: FaultRun,
  kinds: readonly FaultKind[],
  cycles: number,
  onResult: (result: FaultResult) => void = () => undefined,
): Promise<FaultResult[]> {
  const results: FaultResult[] = [];
  for (let cycle = 1; cycle <= cycles; cycle++) {
    for (const kind of kinds) {
      const result = await runFault(run, kind, cycle);
      results.push(result);
      onResult(result);
    }
  }
  return results;
}

async function everyTeamServedSince(
  load: CrashLoad,
  teams: readonly CrashTeam[],
  since: number,
  deadline: number,
  what: string,
): Promise<void> {
  while (!Number.isFinite(faultWindow(load.records, teams, since, Date.now()).servedAgainMs)) {
    if (Date.now() > deadline)
      throw new Error(`not every team had a send answered 202 or 402 by ${new Date(deadline).toISOString()} ${what}`);
    await sleep(100);
  }
}
