import { type INestApplication, Logger, type Type } from '@nestjs/common';
import type { ObjectSchema } from 'joi';
import { bootstrapHttp } from './bootstrap-http';

/** The whole `main.ts` of a service: start and say where it listens, or exit 1 with one line saying why. */
export function runMain(service: string, module: Type<unknown>, schema: ObjectSchema, configure?: (app: INestApplication) => void): void {
  bootstrapHttp(module, schema, configure)
    .then(({ url }) => new Logger(service).log(`${service} listening on ${url}`))
    .catch((error: unknown) => {
      process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
