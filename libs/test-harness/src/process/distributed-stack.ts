import { randomBytes } from 'node:crypto';
import { type ServiceProcess, startServiceProcess } from './service-process';

export type ServiceName = 'gateway' | 'accounts' | 'ledger';

export interface StackProcess {
  readonly name: ServiceName;
  readonly replica: number;
  readonly process: ServiceProcess;
  readonly url: string;
}

export interface DistributedStackOptions {
  readonly gateways?: number;
  readonly ledgers?: number;
  /** Accounts replicas; defaults to 1. */
  readonly accountsReplicas?: number;
  /** Extra environment for every service (e.g. REQUEST_TIMEOUT_MS, KAFKA_SESSION_TIMEOUT_MS; DATABASE_URL and KAFKA_BROKERS replace the run's). */
  readonly env?: Record<string, string>;
  /** Extra environment per service. */
  readonly serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Options of node itself for every service, before the entry (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
}

export interface DistributedStack {
  readonly adminToken: string;
  /** Database schema of each service, e.g. `ledger_ab12cd34`. */
  readonly schemas: Record<ServiceName, string>;
  /** Topic and group prefix of this stack on the shared broker. */
  readonly topicPrefix: string;
  readonly gateways: StackProcess[];
  /** The first accounts replica, as started. */
  readonly accounts: StackProcess;
  /** Every accounts replica by number; undefined while one is stopped. */
  readonly accountsReplicas: (StackProcess | undefined)[];
  readonly ledgers: (StackProcess | undefined)[];
  /** Every gateway's base URL. */
  gatewayUrls(): string[];
  /** Starts (again) ledger replica `replica`; resolves once it listens. */
  startLedger(replica: number): Promise<StackProcess>;
  /** Ends ledger replica `replica` with `signal` (SIGKILL: no shutdown hook runs). */
  stopLedger(replica: number, signal?: NodeJS.Signals): Promise<void>;
  /** Starts (again) replica `replica` of a service; resolves once it is ready. */
  startReplica(name: ServiceName, replica: number): Promise<StackProcess>;
  /** Ends replica `replica` of a service with `signal` and waits for its exit; a stopped gateway leaves `gateways` and `gatewayUrls()`. */
  stopReplica(name: ServiceName, replica: number, signal?: NodeJS.Signals): Promise<void>;
  /** The environment replica `replica` of `name` is started with (to start another process beside it). */
  envOf(name: ServiceName, replica: number): Record<string, string>;
  /** Everything every process printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const ENTRIES: Record<ServiceName, string> = {
  gateway: 'apps/gateway/src/main.ts',
  accounts: 'apps/accounts/src/main.ts',
  ledger: 'apps/ledger/src/main.ts',
};

/**
 * Distributed mode as separate processes, started from their compiled output like `npm run start:<service>`,
 * against the broker and database of the Jest global setup. Each stack has its own topic prefix
 * and database schemas, so several stacks of one run never see each other's messages or rows.
 */
export async function startDistributedStack(options: DistributedStackOptions = {}): Promise<DistributedStack> {
  const databaseUrl = options.env?.DATABASE_URL ?? requiredEnv('DATABASE_URL');
  const brokers = options.env?.KAFKA_BROKERS ?? requiredEnv('KAFKA_BROKERS');
  const id = randomBytes(4).toString('hex');
  const adminToken = `stack-admin-${randomBytes(24).toString('hex')}`;
  const schemas: Record<ServiceName, string> = {
    gateway: `gateway_${id}`,
    accounts: `accounts_${id}`,
    ledger: `ledger_${id}`,
  };
  const topicPrefix = `stack-${id}.`;
  const envOf = (name: ServiceName, replica: number): Record<string, string> => ({
    PORT: '0',
    // info: the harness waits for the "listening on" line, which is an info line.
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schemas[name],
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_CLIENT_ID: `${name}-${replica}`,
    ADMIN_TOKEN: adminToken,
    DELIVERY_STEP_DELAY_MS: '0',
    DELIVERY_FAILURE_RATE: '0',
    ...options.env,
    ...options.serviceEnv?.[name],
  });
  const all: StackProcess[] = [];
  const start = async (name: ServiceName, replica: number): Promise<StackProcess> => {
    const child = startServiceProcess(ENTRIES[name], envOf(name, replica), options.nodeArgs);
    const started = { name, replica, process: child, url: '' };
    all.push(started);
    const [, port] = await child.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 90_000);
    const running = { ...started, url: `http://127.0.0.1:${port}` };
    // A service listens before it has joined Kafka (liveness answers while it waits); it serves once ready.
    await untilReady(child, running.url, 90_000);
    all[all.indexOf(started)] = running;
    return running;
  };

  try {
    // The ledger first: it creates its tables before anyone asks it anything. The others ask
    // nothing of each other while they start, so they start together.
    const ledgers: (StackProcess | undefined)[] = [await start('ledger', 0)];
    const [accountsReplicas, rest, gateways] = await Promise.all([
      Promise.all(Array.from({ length: options.accountsReplicas ?? 1 }, (_, i) => start('accounts', i))),
      Promise.all(Array.from({ length: (options.ledgers ?? 1) - 1 }, (_, i) => start('ledger', i + 1))),
      Promise.all(Array.from({ length: options.gateways ?? 1 }, (_, i) => start('gateway', i))),
    ]);
    ledgers.push(...rest);
    const replicas: Record<ServiceName, (StackProcess | undefined)[]> = {
      gateway: [...gateways],
      accounts: accountsReplicas,
      ledger: ledgers,
    };
    const syncGateways = () =>
      gateways.splice(0, gateways.length, ...replicas.gateway.filter((gateway) => gateway !== undefined));
    const startReplica = async (name: ServiceName, replica: number) => {
      const started = (replicas[name][replica] = await start(name, replica));
      syncGateways();
      return started;
    };
    const stopReplica = async (name: ServiceName, replica: number, signal: NodeJS.Signals = 'SIGTERM') => {
      await replicas[name][replica]?.process.stop(signal);
      replicas[name][replica] = undefined;
      syncGateways();
    };
    return {
      adminToken,
      schemas,
      topicPrefix,
      gateways,
      accounts: accountsReplicas[0],
      accountsReplicas,
      ledgers,
      gatewayUrls: () => gateways.map((gateway) => gateway.url),
      startLedger: (replica) => startReplica('ledger', replica),
      stopLedger: (replica, signal) => stopReplica('ledger', replica, signal),
      startReplica,
      stopReplica,
      envOf,
      output: () => outputOf(all),
      stop: () => stopAll(all),
    };
  } catch (error) {
    const output = outputOf(all);
    await stopAll(all);
    throw new Error(
      `The distributed stack did not start: ${error instanceof Error ? error.message : String(error)}\n${output}`,
    );
  }
}

/** Resolves once `GET /health/ready` answers 200; rejects if the process exits or `timeoutMs` passes first. */
export async function untilReady(child: ServiceProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null) throw new Error(`${url} exited (${child.child.exitCode}) before it was ready`);
    const status = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}/health/ready did not answer 200 within ${timeoutMs} ms`);
}

function outputOf(processes: readonly StackProcess[]): string {
  return processes.map((p) => `--- ${p.name}#${p.replica}\n${p.process.output()}`).join('\n');
}

async function stopAll(processes: readonly StackProcess[]): Promise<void> {
  await Promise.all(
    processes.map(async ({ process: child }) => {
      const killer = setTimeout(() => child.child.kill('SIGKILL'), 15_000);
      await child.stop('SIGTERM');
      clearTimeout(killer);
    }),
  );
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run with the integration or e2e Jest config, whose global setup provides it`);
  return value;
}
