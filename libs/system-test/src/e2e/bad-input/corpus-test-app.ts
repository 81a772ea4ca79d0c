import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import { AccountsModule, SimulatedCarrier } from '@subledger/accounts-feature';
import { createPgliteEventStore, type SqlEventStore } from '@subledger/event-store';
import { freshPgliteDataDir } from '@subledger/event-store/testing';
import { LedgerModule } from '@subledger/ledger-feature';
import { InProcessBus } from '@subledger/messaging';
import {
  CLOCK,
  databaseHealthCheck,
  EVENT_STORE,
  HealthModule,
  initWithBusHandlers,
  ManualClock,
  MESSAGE_BUS,
} from '@subledger/platform';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { GatewayModule } from '@subledger/gateway-feature';
import { createGatewayTestApplication, TEST_ADMIN_TOKEN, testGatewayOptions } from '@subledger/gateway-feature/testing';
import { settleBackgroundWrites } from '../../test-app/settle-background-writes';

export interface CorpusTestApp {
  readonly app: NestFastifyApplication;
  /** Where the app listens: the corpus sends exact bytes, so it talks real HTTP. */
  readonly baseUrl: string;
  readonly store: SqlEventStore;
  readonly clock: ManualClock;
  readonly adminToken: string;
  /** Waits for the writes the app makes on its own (see settleBackgroundWrites). */
  settle(teamIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded composition (ledger, accounts, gateway on PGlite with the in-process bus and a
 * ManualClock) with the platform's `GET /health` beside it, as apps/embedded wires it: the corpus
 * must leave the process healthy, and asks the route an orchestrator would ask. The rate limit is
 * out of reach, so that hundreds of refused requests with one key are answered for what they are.
 */
export async function startCorpusTestApp(): Promise<CorpusTestApp> {
  const dir = await freshPgliteDataDir('subledger-corpus-');
  const store = await createPgliteEventStore({ db: dir });
  await store.migrate();
  const bus = new InProcessBus();
  const clock = new ManualClock();

  @Global()
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: store },
      { provide: MESSAGE_BUS, useValue: bus },
    ],
    exports: [EVENT_STORE, MESSAGE_BUS],
  })
  class CorpusInfrastructureModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      CorpusInfrastructureModule,
      LedgerModule.forRoot(),
      AccountsModule.forRoot({ deletionSweepIntervalMs: null, carrier: { stepDelayMs: 0, failureRate: 0 } }),
      GatewayModule.forRoot(testGatewayOptions({ rateLimitPerMinute: 1_000_000 })),
      HealthModule.forRoot({
        inject: [HealthIndicatorService],
        useFactory: (indicators: HealthIndicatorService) => [databaseHealthCheck(indicators, 'pglite', store.sql)],
      }),
    ],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = createGatewayTestApplication(moduleRef);
  await initWithBusHandlers(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    clock,
    adminToken: TEST_ADMIN_TOKEN,
    settle: (teamIds) => settleBackgroundWrites(app, bus, teamIds),
    close: async () => {
      await app.get(SimulatedCarrier).settled();
      await app.close();
      bus.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
