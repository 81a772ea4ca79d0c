import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  AccountsModule,
  type AccountsModuleOptions,
  DeletionScheduler,
  SimulatedCarrier,
} from '@subledger/accounts-feature';
import { createPgliteEventStore, type SqlEventStore } from '@subledger/event-store';
import { freshPgliteDataDir } from '@subledger/event-store/testing';
import { LedgerModule, type LedgerModuleOptions } from '@subledger/ledger-feature';
import { InProcessBus } from '@subledger/messaging';
import { CLOCK, ManualClock, MetricsModule } from '@subledger/platform';
import { GivenInfrastructureModule } from '@subledger/platform/testing';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { GatewayModule, type GatewayOptions } from '@subledger/gateway-feature';
import {
  createGatewayTestApplication,
  readyWithoutListening,
  testGatewayOptions,
} from '@subledger/gateway-feature/testing';

export interface EmbeddedTestApp {
  readonly app: NestFastifyApplication;
  /** For supertest: `request(testApp.http)` (typed loosely, as a distributed TestApp puts a URL here). */
  readonly http: ReturnType<INestApplication['getHttpServer']>;
  readonly clock: ManualClock;
  readonly bus: InProcessBus;
  readonly store: SqlEventStore;
  readonly options: GatewayOptions;
  /** The operator token of the admin routes. */
  readonly adminToken: string;
  /** The simulated carrier: `settled()` waits for every delivery started so far. */
  readonly carrier: SimulatedCarrier;
  /** Runs the deletion sweep (reminders, purges) at the clock's time. */
  readonly deletions: DeletionScheduler;
  /** Starts listening on a free loopback port, for real HTTP clients such as the Zavu SDK; returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface EmbeddedTestAppOptions {
  readonly gateway?: Partial<GatewayOptions>;
  readonly accounts?: AccountsModuleOptions;
  readonly ledger?: LedgerModuleOptions;
}

/**
 * The whole embedded composition for end-to-end tests, as `npm start` wires it: the ledger, the
 * accounts service and the gateway in one Nest application over a PGlite store in a fresh temp
 * directory and the in-process bus. Time is a ManualClock; the deletion sweep only runs when the
 * test asks, and the carrier reports each step without delay (await `carrier.settled()`).
 */
export async function startEmbeddedTestApp(settings: EmbeddedTestAppOptions = {}): Promise<EmbeddedTestApp> {
  if (process.env.E2E_MODE === 'distributed') {
    throw new Error(
      'This suite starts the embedded composition itself, so it is embedded-only: start the app with startTestApp or useTestApp, or name the suite *.embedded.e2e.spec.ts to keep it out of the distributed run',
    );
  }
  const dir = await freshPgliteDataDir('subledger-e2e-');
  const store = await createPgliteEventStore({ db: dir });
  await store.migrate();
  const bus = new InProcessBus();
  const clock = new ManualClock();
  const options = testGatewayOptions(settings.gateway);
  const moduleRef = await Test.createTestingModule({
    imports: [
      GivenInfrastructureModule.with({ store, bus, oneProcess: true }),
      LedgerModule.forRoot(settings.ledger),
      AccountsModule.forRoot({
        deletionSweepIntervalMs: null,
        ...settings.accounts,
        carrier: { stepDelayMs: 0, ...settings.accounts?.carrier },
      }),
      GatewayModule.forRoot(options),
      MetricsModule.forRoot('embedded'),
    ],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = createGatewayTestApplication(moduleRef);
  await readyWithoutListening(app);
  const carrier = app.get(SimulatedCarrier);
  return {
    app,
    http: app.getHttpServer(),
    clock,
    bus,
    store,
    options,
    adminToken: options.adminToken,
    carrier,
    deletions: app.get(DeletionScheduler),
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      return `http://127.0.0.1:${port}`;
    },
    close: async () => {
      await carrier.settled();
      await app.close();
      bus.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
