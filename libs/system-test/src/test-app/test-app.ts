import { createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import {
  type DistributedStackOptions,
  type ServiceName,
  sharedStack,
  type StackAddress,
  testDatabaseUrl,
} from '@subledger/test-harness';
import { type EmbeddedTestApp, type EmbeddedTestAppOptions, startEmbeddedTestApp } from './embedded-test-app';

export type TestMode = 'embedded' | 'distributed';

/** `distributed` in the workers of jest.distributed.config.js (E2E_MODE), `embedded` everywhere else. */
export const testMode = (): TestMode => (process.env.E2E_MODE === 'distributed' ? 'distributed' : 'embedded');

/**
 * What an end-to-end suite runs against: the embedded composition in one process, or, in
 * distributed mode, the gateway, accounts and ledger as separate processes on the real broker and
 * PostgreSQL. The members of EmbeddedTestApp that exist only in-process (the Nest app, the
 * ManualClock, the bus, the PGlite store, the carrier, the deletion sweep, the gateway options)
 * throw in distributed mode, naming what the suite touched.
 */
export interface TestApp extends EmbeddedTestApp {
  readonly mode: TestMode;
  /** For supertest, `request(testApp.http)`: the in-process server, or the gateway's base URL. */
  readonly http: EmbeddedTestApp['http'];
  /** The time the services go by: the ManualClock's (it stands still unless moved), or the wall clock's. */
  now(): number;
  /**
   * The event store holding `service`'s streams and tables: the one PGlite store of the embedded
   * composition, or that service's own PostgreSQL schema. Its `schema` names the tables:
   * `${testApp.storeOf('accounts').schema}.accounts_projects`.
   */
  storeOf(service: ServiceName): SqlEventStore;
  /**
   * Where the processes answer (distributed mode only). The stack is shared with the other suites of
   * the same settings in the run (serveSharedStacks): a suite makes teams of its own and counts
   * nothing across the whole stack.
   */
  readonly stack: StackAddress;
}

/** Settings for suites that make many calls with one key: a rate limit out of reach. */
export const RATE_LIMIT_OUT_OF_REACH: EmbeddedTestAppOptions = { gateway: { rateLimitPerMinute: 1_000_000 } };

/**
 * Starts what E2E_MODE asks for. The settings mean the same in both modes; one that the
 * distributed services take from no environment variable is refused there, rather than ignored.
 */
export function startTestApp(settings: EmbeddedTestAppOptions = {}): Promise<TestApp> {
  return testMode() === 'distributed' ? startDistributedTestApp(settings) : startEmbedded(settings);
}

async function startEmbedded(settings: EmbeddedTestAppOptions): Promise<TestApp> {
  const embedded = await startEmbeddedTestApp(settings);
  return {
    ...embedded,
    mode: 'embedded',
    now: () => embedded.clock.now(),
    storeOf: () => embedded.store,
    get stack(): never {
      throw new Error(
        'testApp.stack exists only in distributed mode (E2E_MODE=distributed, jest.distributed.config.js)',
      );
    },
  };
}

async function startDistributedTestApp(settings: EmbeddedTestAppOptions): Promise<TestApp> {
  const stack = await sharedStack(stackOptions(settings));
  const [url] = stack.urls.gateway;
  const stores = new Map<ServiceName, SqlEventStore>();
  const inProcessOnly = (member: string): never => {
    throw new Error(
      `testApp.${member} exists only in the embedded composition, not in distributed mode: reach the same through HTTP or testApp.storeOf(), ` +
        'or name the suite *.embedded.e2e.spec.ts to keep it out of the distributed run (jest.distributed.config.js)',
    );
  };
  return {
    mode: 'distributed',
    http: url,
    adminToken: stack.adminToken,
    stack,
    now: () => Date.now(),
    listen: async () => url,
    storeOf: (service) => {
      const store =
        stores.get(service) ??
        createPostgresEventStore({ pool: testDatabaseUrl(), schema: stack.schemas[service], maxConnections: 2 });
      stores.set(service, store);
      return store;
    },
    get app(): never {
      return inProcessOnly('app (the Nest application)');
    },
    get clock(): never {
      return inProcessOnly('clock (the ManualClock: the processes read the wall clock)');
    },
    get bus(): never {
      return inProcessOnly('bus (the in-process bus: the processes talk over Kafka)');
    },
    get store(): never {
      return inProcessOnly('store (the PGlite store: each process has its own schema, see storeOf())');
    },
    get options(): never {
      return inProcessOnly('options (the gateway options: see adminToken)');
    },
    get carrier(): never {
      return inProcessOnly('carrier (the simulated carrier runs in the accounts process: poll GET /v1/messages/:id)');
    },
    get deletions(): never {
      return inProcessOnly('deletions (the deletion sweep runs on its own schedule in the accounts process)');
    },
    // The stack stays up for the next suite of the same settings; the run's teardown stops it.
    close: async () => {
      await Promise.all([...stores.values()].map((store) => store.close()));
    },
  };
}

/** The settings as the services' environment; anything the services cannot be told is refused. */
function stackOptions({ gateway = {}, accounts = {}, ledger = {} }: EmbeddedTestAppOptions): DistributedStackOptions {
  const { requestTimeoutMs, rateLimitPerMinute, ...otherGateway } = gateway;
  const { carrier = {}, ...otherAccounts } = accounts;
  const { failureRate, ...otherCarrier } = carrier;
  const unsupported = [
    ...Object.keys(otherGateway).map((name) => `gateway.${name}`),
    ...Object.keys(otherAccounts).map((name) => `accounts.${name}`),
    ...Object.keys(otherCarrier).map((name) => `accounts.carrier.${name}`),
    ...Object.keys(ledger).map((name) => `ledger.${name}`),
  ];
  if (unsupported.length > 0)
    throw new Error(
      `No environment variable of the distributed services sets ${unsupported.join(', ')}: this suite is embedded-only`,
    );
  const defined = (entries: Record<string, number | undefined>) =>
    Object.fromEntries(
      Object.entries(entries).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
    );
  return {
    serviceEnv: {
      gateway: defined({ REQUEST_TIMEOUT_MS: requestTimeoutMs, RATE_LIMIT_PER_MINUTE: rateLimitPerMinute }),
      accounts: defined({ DELIVERY_FAILURE_RATE: failureRate }),
    },
  };
}
