import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApiDocument, serveOpenApi } from '../openapi/openapi-setup';
import { useGatewayJsonBody } from './json-body.hook';
import { refuseNulInUrl } from './nul-free-url.hook';
import { refuseUnknownRoute } from './unknown-route.hook';

/**
 * What must be set on the application itself, once, after it is created (on an adapter with
 * gatewayServerOptions, and `bodyParser: false`) and before `listen` or `init` (GatewayModule
 * provides everything else):
 * - URLs holding `%00` refused, before anything decodes them;
 * - the JSON body reader: 64 KiB, JSON only, UTF-8, depth and unsafe-key checks, for every method;
 * - 404 `not_found` for a request no route takes, once its body passed those checks;
 * - the OpenAPI document at /openapi.json and the Swagger UI at /docs.
 */
export function configureGatewayApp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', refuseNulInUrl);
  useGatewayJsonBody(fastify);
  fastify.addHook('preValidation', refuseUnknownRoute);
  serveOpenApi(app, buildOpenApiDocument(app));
}
