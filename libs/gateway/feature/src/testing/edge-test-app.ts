import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createPgliteEventStore, createPostgresEventStore, type SqlEventStore } from '@subledger/event-store';
import { freshPgliteDataDir } from '@subledger/event-store/testing';
import { InProcessBus } from '@subledger/messaging';
import { CLOCK, EVENT_STORE, MESSAGE_BUS, ManualClock } from '@subledger/platform';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { GatewayHttpModule } from '../http/gateway-http.module';
import type { GatewayOptions } from '../shared/gateway-options';
import { EdgeAdminTestController, EdgeTestController } from './edge-test.controllers';
import { createGatewayTestApplication, readyWithoutListening } from './gateway-test-application';
import { StandInAccounts } from './stand-in-accounts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-of-at-least-32-characters';

export const testGatewayOptions = (changes: Partial<GatewayOptions> = {}): GatewayOptions => ({
  adminToken: TEST_ADMIN_TOKEN,
  requestTimeoutMs: 2000,
  rateLimitPerMinute: 1000,
  pricesFile: 'config/prices.json',
  idempotencyRetentionMs: 24 * 60 * 60 * 1000,
  ...changes,
});

export type TestDatabaseKind = 'PGlite' | 'PostgreSQL';

export interface EdgeTestApp {
  readonly app: NestFastifyApplication;
  readonly http: ReturnType<NestFastifyApplication['getHttpServer']>;
  /** `METHOD /path` of every route the HTTP server was given, as Fastify registered them. */
  readonly routes: readonly string[];
  readonly clock: ManualClock;
  readonly bus: InProcessBus;
  readonly accounts: StandInAccounts;
  readonly store: SqlEventStore;
  close(): Promise<void>;
}

export interface EdgeTestAppOptions {
  readonly database?: TestDatabaseKind;
  readonly options?: Partial<GatewayOptions>;
  /** The gateway module to mount; the edge mechanics with the test routes by default. */
  readonly gateway?: (options: GatewayOptions) => DynamicModule;
  readonly withTestRoutes?: boolean;
}

/**
 * A Nest app with the gateway's edge mechanics as the apps wire them (GatewayHttpModule, then
 * configureGatewayApp on Fastify), on a real PGlite or PostgreSQL event store, the real in-process bus, a
 * ManualClock and a stand-in accounts service answering key lookups.
 */
export async function startEdgeTestApp(settings: EdgeTestAppOptions = {}): Promise<EdgeTestApp> {
  const database = await openDatabase(settings.database ?? 'PGlite');
  const bus = new InProcessBus();
  const accounts = new StandInAccounts(bus);
  const clock = new ManualClock();
  const options = testGatewayOptions(settings.options);
  const controllers: Type[] = settings.withTestRoutes === false ? [] : [EdgeTestController, EdgeAdminTestController];

  @Global()
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: database.store },
      { provide: MESSAGE_BUS, useValue: bus },
    ],
    exports: [EVENT_STORE, MESSAGE_BUS],
  })
  class TestInfrastructureModule {}

  @Module({ controllers })
  class TestRoutesModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [TestInfrastructureModule, (settings.gateway ?? GatewayHttpModule.forRoot)(options), TestRoutesModule],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const routes: string[] = [];
  const app = createGatewayTestApplication(moduleRef, (fastify) =>
    fastify.addHook('onRoute', ({ method, url }) => {
      for (const one of [method].flat()) routes.push(`${one} ${url}`);
    }),
  );
  await readyWithoutListening(app);
  return {
    app,
    http: app.getHttpServer(),
    routes,
    clock,
    bus,
    accounts,
    store: database.store,
    close: async () => {
      await app.close();
      bus.close();
      await database.dispose();
    },
  };
}

async function openDatabase(kind: TestDatabaseKind): Promise<{ store: SqlEventStore; dispose(): Promise<void> }> {
  if (kind === 'PGlite') {
    const dir = await freshPgliteDataDir('subledger-gateway-');
    const store = await createPgliteEventStore({ db: dir });
    await store.migrate();
    return {
      store,
      dispose: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests with jest.int.config.js');
  const schema = `gateway_${randomBytes(6).toString('hex')}`;
  const store = createPostgresEventStore({ pool: url, schema });
  await store.migrate();
  return {
    store,
    dispose: async () => {
      await store.sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await store.close();
    },
  };
}
