import type { ServiceName } from '@subledger/test-harness';
import type { CrashLoad } from '../load/crash-load';
import type { FaultKind } from './fault-kinds';
import type { FaultTarget } from './fault-target';
import { terminateServiceBackends } from './service-backends';

/** One fault as injected. */
export interface InjectedFault {
  readonly kind: FaultKind;
  /** When it struck. */
  readonly at: number;
  /** Sends waiting for their answer at that moment (for a gateway, those waiting on it). */
  readonly inFlight: number;
  /** What it ended: the pid killed, the connections terminated. */
  readonly detail: string;
  /** When what was killed was started again and ready (the fault's own time for terminated connections). */
  readonly restartedAt: number;
}

export interface FaultTiming {
  /** How long a killed process (a replica, the broker) stays dead before it is started again. */
  readonly deadMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Injects one fault of `kind` under the running `load`, with at least one send in flight, and starts again what it killed. */
export async function injectFault(
  kind: FaultKind,
  target: FaultTarget,
  load: CrashLoad,
  timing: FaultTiming,
): Promise<InjectedFault> {
  switch (kind) {
    case 'ledger':
    case 'accounts':
    case 'gateway':
      return killReplica(kind, target, load, timing);
    case 'broker':
      return killBroker(target, load, timing);
    case 'postgres':
      return terminateConnections(target, load);
  }
}

async function killReplica(
  service: ServiceName,
  { stack }: FaultTarget,
  load: CrashLoad,
  { deadMs }: FaultTiming,
): Promise<InjectedFault> {
  const replicas = { gateway: stack.gateways, accounts: stack.accountsReplicas, ledger: stack.ledgers }[service];
  const victim = replicas.find((replica) => replica?.replica === 0);
  if (victim === undefined) throw new Error(`${service}#0 is not running`);
  // A gateway dies with requests of its own in flight; any other replica with the load in flight.
  const waiting = () => load.inFlight().filter((record) => service !== 'gateway' || record.gatewayUrl === victim.url);
  await until(() => waiting().length > 0, 10_000, `a send in flight on ${service}#0`);
  const inFlight = waiting().length;
  const at = Date.now();
  await stack.stopReplica(service, 0, 'SIGKILL');
  await sleep(deadMs);
  await stack.startReplica(service, 0);
  return { kind: service, at, inFlight, detail: `pid ${victim.process.child.pid}`, restartedAt: Date.now() };
}

async function killBroker({ broker }: FaultTarget, load: CrashLoad, { deadMs }: FaultTiming): Promise<InjectedFault> {
  await until(() => load.inFlight().length > 0, 10_000, 'a send in flight');
  const inFlight = load.inFlight().length;
  const at = Date.now();
  await broker.kill();
  await sleep(deadMs);
  await broker.restart();
  const restartedAt = Date.now();
  return { kind: 'broker', at, inFlight, detail: `dead ${((restartedAt - at) / 1000).toFixed(1)} s`, restartedAt };
}

async function terminateConnections({ databaseUrl }: FaultTarget, load: CrashLoad): Promise<InjectedFault> {
  await until(() => load.inFlight().length > 0, 10_000, 'a send in flight');
  const inFlight = load.inFlight().length;
  const at = Date.now();
  const terminated = await terminateServiceBackends(databaseUrl);
  return { kind: 'postgres', at, inFlight, detail: `${terminated} connections terminated`, restartedAt: at };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
