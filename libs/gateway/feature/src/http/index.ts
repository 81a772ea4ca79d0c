export { configureGatewayApp } from './configure-gateway-app';
export { classifyContentType, type MediaTypeVerdict } from './json-media-type';
export { jsonBodyMiddleware, MAX_BODY_BYTES, parseJsonObject } from './json-body.middleware';
export { exceedsNestingDepth, findUnsafeJsonValues, MAX_JSON_DEPTH } from './json-body-checks';
