import { Logger, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ObjectSchema } from 'joi';
import { bootstrapHttp, type HttpEdge } from './bootstrap-http';

/** How long a fatal error leaves the app to close (leave its consumer groups) before the process exits anyway. */
const FATAL_CLOSE_MS = 10_000;

/**
 * The whole `main.ts` of a service: start and say where it listens, or exit 1 with one line saying
 * why. A fatal error afterwards (an uncaught exception or rejection) closes the app first, so its
 * consumers leave their groups rather than hold partitions until the session times out.
 */
export function runMain(service: string, module: Type<unknown>, schema: ObjectSchema, edge?: HttpEdge): void {
  bootstrapHttp(service, module, schema, edge)
    .then(({ app, url }) => {
      new Logger(service).log(`${service} listening on ${url}`);
      closeOnFatalError(service, app);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}

function closeOnFatalError(service: string, app: NestFastifyApplication): void {
  let closing = false;
  const fatal = (error: unknown) => {
    process.stderr.write(
      `${service} stopping after a fatal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), FATAL_CLOSE_MS).unref();
    app.close().finally(() => process.exit(1));
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}
