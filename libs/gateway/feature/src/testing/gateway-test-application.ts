import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import { createHttpAdapter, initWithBusHandlers } from '@subledger/platform';
import type { FastifyInstance } from 'fastify';
import { configureGatewayApp } from '../http/configure-gateway-app';
import { gatewayServerOptions } from '../http/gateway-server-options';

/**
 * A test module as an HTTP app, the way bootstrapHttp makes one with gatewayHttpEdge (Fastify with
 * the gateway's options, no parsers of Nest's, configureGatewayApp), without logs. `beforeRoutes`
 * sees the Fastify instance before any route is added. Call `ready()` before sending requests to
 * `getHttpServer()` without listening.
 */
export function createGatewayTestApplication(
  moduleRef: TestingModule,
  beforeRoutes?: (fastify: FastifyInstance) => void,
): NestFastifyApplication {
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(gatewayServerOptions), {
    logger: false,
    bodyParser: false,
  });
  beforeRoutes?.(app.getHttpAdapter().getInstance());
  configureGatewayApp(app);
  return app;
}

/**
 * Initialises the app with its bus handlers, as bootstrapHttp does (initWithBusHandlers), and its
 * Fastify instance, so that its server answers without listening.
 */
export async function readyWithoutListening(app: NestFastifyApplication): Promise<void> {
  await initWithBusHandlers(app);
  await app.getHttpAdapter().getInstance().ready();
}
