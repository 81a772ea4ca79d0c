export { authRequirementsByOperationId, operationIdOf } from './auth-requirements';
export { ADMIN_TOKEN_SCHEME, API_KEY_SCHEME, documentSecurity } from './document-security';
export { buildOpenApiDocument, OPENAPI_JSON_PATH, OPENAPI_UI_PATH, serveOpenApi } from './openapi-setup';
