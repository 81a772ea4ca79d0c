import type { INestApplication } from '@nestjs/common';
import { buildOpenApiDocument, serveOpenApi } from '../openapi/openapi-setup';
import { jsonBodyMiddleware, MAX_BODY_BYTES } from './json-body.middleware';
import { nulFreeUrlMiddleware } from './nul-free-url.middleware';

/**
 * What must be set on the application itself, once, after `NestFactory.create` and before
 * `listen` or `init` (GatewayModule provides everything else):
 * - URLs holding `%00` refused, before anything decodes them;
 * - the JSON body parser: 64 KiB, JSON only, UTF-8, depth and unsafe-key checks. It runs before
 *   Nest's default parsers, which then find the body read and leave it alone;
 * - the OpenAPI document at /openapi.json and the Swagger UI at /docs;
 * - no `X-Powered-By` header.
 */
export function configureGatewayApp(app: INestApplication): void {
  const server = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  server.disable?.('x-powered-by');
  app.use(nulFreeUrlMiddleware());
  app.use(jsonBodyMiddleware(MAX_BODY_BYTES));
  serveOpenApi(app, buildOpenApiDocument(app));
}
