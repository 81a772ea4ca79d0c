import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { authRequirementsByOperationId, operationIdOf } from './auth-requirements';
import { ADMIN_TOKEN_SCHEME, API_KEY_SCHEME, documentSecurity } from './document-security';

export const OPENAPI_UI_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'openapi.json';

/** The OpenAPI document of every controller route of the app, with its security completed. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Subledger API')
    .setDescription(
      'Prepaid balances, sub-accounts with credit limits, and message charging. Wire-compatible with the sub-account, ' +
        'balance and messaging subset of the Zavu API. Errors are `{ code, message, details }`; every POST takes an ' +
        '`Idempotency-Key` header.',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'An API key: `sl_<live|test>_[sub_]<random>`.' },
      API_KEY_SCHEME,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'The operator token (ADMIN_TOKEN).' },
      ADMIN_TOKEN_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => operationIdOf(controller, method),
  });
  return documentSecurity(document, authRequirementsByOperationId(app));
}

/** Serves the document at /openapi.json and the Swagger UI at /docs. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, raw: ['json'] });
}
