import { Logger, type Type } from '@nestjs/common';
import type { ObjectSchema } from 'joi';
import { bootstrapHttp, type HttpEdge } from './bootstrap-http';

/** The whole `main.ts` of a service: start and say where it listens, or exit 1 with one line saying why. */
export function runMain(service: string, module: Type<unknown>, schema: ObjectSchema, edge?: HttpEdge): void {
  bootstrapHttp(service, module, schema, edge)
    .then(({ url }) => new Logger(service).log(`${service} listening on ${url}`))
    .catch((error: unknown) => {
      process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
