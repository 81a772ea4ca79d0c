/**
 * @long-running two brokers of its own and two distributed stacks
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import {
  type KafkaBroker,
  type ServiceProcess,
  startKafkaBroker,
  startServiceProcess,
  startTcpProxy,
  type TcpProxy,
  untilReady,
} from '@subledger/test-harness';

// Distributed mode starts in any order and on any broker state, and says whether it can serve
// (docs/deployment.md, "Start-up and health"): real processes from dist/, real brokers, real PostgreSQL.

type Name = 'gateway' | 'accounts' | 'ledger';
const NAMES: Name[] = ['ledger', 'accounts', 'gateway'];
const ENTRY: Record<Name, string> = {
  gateway: 'apps/gateway/src/main.ts',
  accounts: 'apps/accounts/src/main.ts',
  ledger: 'apps/ledger/src/main.ts',
};

interface Stack {
  adminToken: string;
  processes: Record<Name, ServiceProcess>;
  urls: Record<Name, string>;
  env: Record<Name, Record<string, string>>;
  output(): string;
  stop(): Promise<(number | null)[]>;
}

/** The three services at once, each told `brokers` and `databaseUrl`; resolves once each listens (not once each is ready). */
async function startServices(brokers: string, databaseUrl: string): Promise<Stack> {
  const id = randomBytes(4).toString('hex');
  const adminToken = `start-order-${randomBytes(24).toString('hex')}`;
  const env = {} as Record<Name, Record<string, string>>;
  const processes = {} as Record<Name, ServiceProcess>;
  for (const name of NAMES) {
    env[name] = {
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: `${name}_${id}`,
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: `start-${id}.`,
      KAFKA_CLIENT_ID: `${name}-${id}`,
      ADMIN_TOKEN: adminToken,
      DELIVERY_STEP_DELAY_MS: '0',
      DELIVERY_FAILURE_RATE: '0',
      REQUEST_TIMEOUT_MS: '15000',
    };
    processes[name] = startServiceProcess(ENTRY[name], env[name]);
  }
  const output = () => NAMES.map((name) => `--- ${name}\n${processes[name].output()}`).join('\n');
  const stop = () => Promise.all(NAMES.map((name) => processes[name].stop('SIGTERM')));
  try {
    const ports = await Promise.all(
      NAMES.map((name) => processes[name].waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 60_000)),
    );
    const urls = Object.fromEntries(NAMES.map((name, i) => [name, `http://127.0.0.1:${ports[i][1]}`])) as Record<
      Name,
      string
    >;
    return { adminToken, processes, urls, env, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function status(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls until `url` answers `wanted`; returns the last answer. */
async function until(
  url: string,
  wanted: number,
  timeoutMs: number,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await status(url).catch(() => ({ status: 0, body: {} }));
    if (answer.status === wanted || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function allReady(stack: Stack): Promise<void> {
  await Promise.all(NAMES.map((name) => untilReady(stack.processes[name], stack.urls[name], 90_000)));
}

/** A new team with a balance, then one message charged through the gateway. */
async function sendACharge(stack: Stack): Promise<number> {
  const gateway = stack.urls.gateway;
  const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const team = await post('/admin/v1/teams', stack.adminToken, { name: 'Start order' });
  expect(team.status).toBe(201);
  const { team: created, apiKey } = (await team.json()) as { team: { id: string }; apiKey: { key: string } };
  expect(
    (
      await post(
        `/admin/v1/teams/${created.id}/top-ups`,
        stack.adminToken,
        { amount: 10 },
        { 'Idempotency-Key': randomBytes(8).toString('hex') },
      )
    ).status,
  ).toBe(201);
  return (await post('/v1/messages', apiKey.key, { to: '+14155550100', text: 'started in any order' })).status;
}

/** The service's error-level log lines (pino level 50 and above). */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\{"level":(5|6)\d,/.test(line));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function throughProxy(databaseUrl: string, proxy: TcpProxy): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
}

describe('distributed services start in any order', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('wait for a broker that does not exist yet, serve a charge once it starts, and follow PostgreSQL and the broker going away', async () => {
    const database = new URL(process.env.DATABASE_URL as string);
    const proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
    cleanups.push(() => proxy.close());
    const brokerPort = await freePort();
    const stack = await startServices(`127.0.0.1:${brokerPort}`, throughProxy(database.toString(), proxy));
    cleanups.push(() => stack.stop());

    // Listening without a broker: alive, not ready, and waiting rather than exiting.
    await Promise.all(
      NAMES.map((name) =>
        stack.processes[name].waitFor(new RegExp(`Waiting for Kafka at 127\\.0\\.0\\.1:${brokerPort}`), 30_000),
      ),
    );
    for (const name of NAMES) {
      expect((await status(`${stack.urls[name]}/health/live`)).status).toBe(200);
      const ready = await status(`${stack.urls[name]}/health/ready`);
      expect({
        name,
        status: ready.status,
        kafka: (ready.body['error'] as Record<string, { status: string }>)?.['kafka']?.status,
      }).toEqual({ name, status: 503, kafka: 'down' });
      expect((await status(`${stack.urls[name]}/health`)).status).toBe(503);
    }

    const broker: KafkaBroker = await startKafkaBroker({ externalBrokers: null, clientPort: brokerPort });
    cleanups.push(() => broker.stop());
    await allReady(stack);
    expect(await sendACharge(stack)).toBe(202);
    for (const name of NAMES) {
      const output = stack.processes[name].output();
      expect({
        name,
        reachable: /Kafka reachable, creating topics/.test(output),
        joined: /Consumers joined/.test(output),
        exited: stack.processes[name].child.exitCode,
      }).toEqual({ name, reachable: true, joined: true, exited: null });
    }
    // A broker that has just started answers "does not host this topic-partition" for a while: waited out, never an error line.
    for (const name of NAMES)
      expect({ name, errors: errorLines(stack.processes[name].output()) }).toEqual({ name, errors: [] });

    // PostgreSQL goes away (every connection cut, none accepted) and comes back.
    await proxy.cut();
    for (const name of NAMES) {
      const ready = await until(`${stack.urls[name]}/health/ready`, 503, 15_000);
      expect({
        name,
        status: ready.status,
        postgres: (ready.body['error'] as Record<string, { status: string }>)?.['postgres']?.status,
      }).toEqual({ name, status: 503, postgres: 'down' });
      expect((await status(`${stack.urls[name]}/health/live`)).status).toBe(200);
    }
    await proxy.restore();
    for (const name of NAMES)
      expect({ name, status: (await until(`${stack.urls[name]}/health/ready`, 200, 30_000)).status }).toEqual({
        name,
        status: 200,
      });
    expect(await sendACharge(stack)).toBe(202);

    // The broker goes away: not ready, still alive, still running.
    await broker.stop();
    for (const name of NAMES) {
      const ready = await until(`${stack.urls[name]}/health/ready`, 503, 15_000);
      expect({
        name,
        status: ready.status,
        kafka: (ready.body['error'] as Record<string, { status: string }>)?.['kafka']?.status,
      }).toEqual({ name, status: 503, kafka: 'down' });
      expect((await status(`${stack.urls[name]}/health/live`)).status).toBe(200);
      expect(stack.processes[name].child.exitCode).toBeNull();
    }
  }, 150_000);

  it('start all at once on a broker formatted a moment before', async () => {
    const broker = await startKafkaBroker({ externalBrokers: null });
    cleanups.push(() => broker.stop());
    const stack = await startServices(broker.brokers.join(','), process.env.DATABASE_URL as string);
    cleanups.push(() => stack.stop());
    await allReady(stack);
    expect(await sendACharge(stack)).toBe(202);
    for (const name of NAMES)
      expect({ name, failed: /failed to start|ExceptionHandler/.test(stack.processes[name].output()) }).toEqual({
        name,
        failed: false,
      });
    // A second accounts process on the first one's port cannot listen: it exits without ever turning to Kafka, so it takes no partition.
    const second = startServiceProcess(ENTRY.accounts, {
      ...stack.env.accounts,
      PORT: new URL(stack.urls.accounts).port,
      KAFKA_CLIENT_ID: 'accounts-second',
    });
    expect(await second.exited()).toBe(1);
    expect(second.output()).toMatch(/failed to start: .*EADDRINUSE/);
    expect(second.output()).not.toMatch(/Waiting for Kafka|Consumers joined/);
    expect(await sendACharge(stack)).toBe(202);

    // SIGTERM leaves the groups and ends each process without a fatal error.
    await stack.stop();
    for (const name of NAMES)
      expect({ name, fatal: /fatal error/.test(stack.processes[name].output()) }).toEqual({ name, fatal: false });
  }, 120_000);
});
