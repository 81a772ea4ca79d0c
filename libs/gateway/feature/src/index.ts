export * from './shared';
export { GatewayModule } from './gateway.module';
export { GatewayHttpModule, type GatewayModuleAsyncOptions } from './http/gateway-http.module';
export { configureGatewayApp, gatewayHttpEdge, gatewayServerOptions, MAX_BODY_BYTES } from './http';
export { apiKeyDigest, apiKeyPrefix, generateApiKey, parseApiKeyFormat, type GeneratedApiKey } from './keys';
export {
  errorResponseOf,
  flattenValidationErrors,
  gatewayValidationOptions,
  invalidRequest,
  type ErrorBody,
  type FieldError,
} from './errors';
export { IDENTITY_TTL_MS, IdentityCache, KeyUsageRecorder } from './auth';
export { IdempotencyKey, IdempotencyKeyBodyField, REPLAYED_HEADER } from './idempotency';
// The id a send's charge gets from its Idempotency-Key: system tests derive it to find the charge of a request never answered.
export { messageIdFor } from './messages/send-message/message-id';
// What the operator CLI needs without the gateway, also its own entry (`@subledger/gateway-feature/operations`).
export * from './operations';
export { buildOpenApiDocument, OPENAPI_JSON_PATH, OPENAPI_UI_PATH } from './openapi';
export { gatewayEnvSchema, gatewayOptionsFromEnv, type GatewayEnv } from './config/gateway-env';
