import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type DistributedStack,
  type DistributedStackOptions,
  type ServiceName,
  type StackProcess,
  startDistributedStack,
} from './distributed-stack';

/** Where a shared stack answers: what a suite needs to reach it, without the handles of its processes. */
export interface StackAddress {
  readonly adminToken: string;
  /** Database schema of each service, e.g. `ledger_ab12cd34`. */
  readonly schemas: Record<ServiceName, string>;
  /** Topic and group prefix of the stack on the run's broker. */
  readonly topicPrefix: string;
  /** Base URL of every replica of each service. */
  readonly urls: Record<ServiceName, string[]>;
  /** Process id of every replica of each service, in the order of `urls` (to pause one with SIGSTOP). */
  readonly pids: Record<ServiceName, number[]>;
}

/** The stacks of one run, started on first request and stopped together at the end of the run. */
export interface SharedStacks {
  /** Base URL of the server that hands them out (SUBLEDGER_TEST_STACKS_URL). */
  readonly url: string;
  stop(): Promise<void>;
}

export const SHARED_STACKS_URL_ENV = 'SUBLEDGER_TEST_STACKS_URL';

/**
 * Serves the distributed stacks of one Jest run from the process of its global setup: the first
 * suite to ask for a set of settings starts a stack, later suites with the same settings get the
 * same stack. A stack start is three processes joining their consumer groups (about 8 s here);
 * the end-to-end suites of one settings share it as they would share a deployment, each with teams
 * of its own. Suites that stop, restart or read the logs of processes start stacks of their own
 * (startDistributedStack). The stacks live until the run's global teardown.
 */
export async function serveSharedStacks(): Promise<SharedStacks> {
  const stacks = new Map<string, Promise<DistributedStack>>();
  const stackFor = (options: DistributedStackOptions): Promise<DistributedStack> => {
    const key = canonicalJson(options);
    let stack = stacks.get(key);
    if (stack === undefined) {
      stack = startDistributedStack(options);
      stacks.set(key, stack);
      // A stack that did not start is not kept: the next suite that asks tries again.
      stack.catch(() => stacks.delete(key));
    }
    return stack;
  };
  const server = createServer((request, response) => {
    // One request a connection: a kept-alive connection that the server closes after its idle
    // timeout, just as the next suite reuses it, fails that suite's request with ECONNRESET.
    response.setHeader('connection', 'close');
    if (request.method !== 'POST' || request.url !== '/stacks') {
      response.writeHead(404).end();
      return;
    }
    bodyOf(request)
      .then((body) => stackFor(JSON.parse(body) as DistributedStackOptions))
      .then(
        (stack) =>
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(addressOf(stack))),
        (error: unknown) =>
          response
            .writeHead(500, { 'content-type': 'text/plain' })
            .end(error instanceof Error ? error.message : String(error)),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      await closeServer(server);
      const started = await Promise.allSettled(stacks.values());
      await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    },
  };
}

/** The shared stack of these settings, started if no suite of the run has asked for it yet. */
export async function sharedStack(options: DistributedStackOptions): Promise<StackAddress> {
  const url = process.env[SHARED_STACKS_URL_ENV];
  if (!url)
    throw new Error(
      `${SHARED_STACKS_URL_ENV} is not set: shared stacks are served by the global setup of jest.distributed.config.js`,
    );
  const response = await fetch(`${url}/stacks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  if (!response.ok) throw new Error(`The shared stack did not start: ${await response.text()}`);
  return (await response.json()) as StackAddress;
}

function addressOf(stack: DistributedStack): StackAddress {
  const running = { gateway: stack.gateways, accounts: stack.accountsReplicas, ledger: stack.ledgers };
  const each = <T>(read: (replica: StackProcess) => T) =>
    Object.fromEntries(
      Object.entries(running).map(([name, replicas]) => [
        name,
        replicas.flatMap((replica) => (replica ? [read(replica)] : [])),
      ]),
    ) as Record<ServiceName, T[]>;
  return {
    adminToken: stack.adminToken,
    schemas: stack.schemas,
    topicPrefix: stack.topicPrefix,
    urls: each((replica) => replica.url),
    pids: each((replica) => replica.process.child.pid as number),
  };
}

/** JSON with the keys of every object sorted, so that equal settings make one key. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}
