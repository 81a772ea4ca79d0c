import type { INestApplication, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { ObjectSchema } from 'joi';
import { Logger } from 'nestjs-pino';
import { validateEnvironment } from '../config/validated-config.module';

/**
 * Validates the environment first (a bad value stops start-up with one line naming it), then creates
 * the app, lets `configure` set it up (body parsing, OpenAPI), routes Nest's own logs through pino, closes cleanly on SIGTERM/SIGINT and listens
 * on the configured port (127.0.0.1 unless HOST says otherwise).
 */
export async function bootstrapHttp(
  module: Type<unknown>,
  schema: ObjectSchema,
  configure: (app: INestApplication) => void = () => undefined,
): Promise<{ app: INestApplication; url: string }> {
  validateEnvironment(schema, process.env);
  // The app's own body parser (if any) is installed by `configure`; Nest's default one stays off.
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false });
  configure(app);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get(ConfigService);
  const port = config.getOrThrow<number>('PORT');
  const host = config.get<string>('HOST') ?? '127.0.0.1';
  await app.listen(port, host);
  const address = app.getHttpServer().address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { app, url: `http://${shownHost}:${actualPort}` };
}
