import type { Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import type { ObjectSchema } from 'joi';
import type { CommonConfig } from '../config/common-config.schema';
import { validateEnvironment } from '../config/validate-environment';
import { nestLoggerOver } from '../logging/nest-logger';
import { RequestLogController } from '../logging/request-log.controller';
import { createServiceLogger } from '../logging/service-logger';
import { initWithBusHandlers } from '../messaging/bus-transport/bus-handlers';
import { startBusAfterListening } from '../messaging/message-bus.module';
import { stopTracing, tracingStarted } from '../tracing/start-tracing';
import { createHttpAdapter } from './http-adapter';

/** What an app adds to the platform's HTTP server: Fastify options of its own, and its set-up. */
export interface HttpEdge {
  readonly serverOptions?: FastifyServerOptions;
  /** Runs once the app is created, before it listens (body parsing, OpenAPI). */
  readonly configure?: (app: NestFastifyApplication) => void;
}

/**
 * Validates the environment first (a bad value stops start-up with one line naming it), then creates
 * the app on Fastify with the service's pino logger (Nest's logs and one line per request, see
 * RequestLogController), lets the edge set it up, closes cleanly on SIGTERM/SIGINT, initialises the
 * modules (migrations) and then subscribes the bus handlers (initWithBusHandlers), and listens on the
 * configured port (127.0.0.1 unless HOST says otherwise). Only then does a Kafka bus start connecting
 * and joining its groups (docs/deployment.md, "Start-up and health").
 */
export async function bootstrapHttp(
  service: string,
  module: Type<unknown>,
  schema: ObjectSchema,
  edge: HttpEdge = {},
): Promise<{ app: NestFastifyApplication; url: string }> {
  const env = validateEnvironment<CommonConfig>(schema, process.env);
  const logger = createServiceLogger(service, env.LOG_LEVEL ?? 'info');
  const adapter = createHttpAdapter({
    ...edge.serverOptions,
    loggerInstance: logger,
    logController: new RequestLogController(),
  });
  // Bodies are the edge's business (`configure`); Nest's default parsers stay off.
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  edge.configure?.(app);
  // The spans still buffered are exported when the server closes (after the modules are destroyed).
  if (tracingStarted()) adapter.getInstance().addHook('onClose', async () => stopTracing());
  app.useLogger(nestLoggerOver(logger));
  app.enableShutdownHooks();
  const config = app.get(ConfigService);
  const port = config.getOrThrow<number>('PORT');
  const host = config.get<string>('HOST') ?? '127.0.0.1';
  try {
    await initWithBusHandlers(app);
    await app.listen(port, host);
  } catch (error) {
    // Nothing joined a consumer group yet (that waits for listening), but the store and clients opened are closed before the process exits.
    await app.close().catch(() => undefined);
    throw error;
  }
  startBusAfterListening(app);
  const address = app.getHttpServer().address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { app, url: `http://${shownHost}:${actualPort}` };
}
