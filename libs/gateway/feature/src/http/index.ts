export { configureGatewayApp } from './configure-gateway-app';
export { gatewayHttpEdge } from './gateway-edge';
export { gatewayServerOptions } from './gateway-server-options';
export { classifyContentType, type MediaTypeVerdict } from './json-media-type';
export { MAX_BODY_BYTES, parseJsonObject, readJsonBody } from './json-body';
export { exceedsNestingDepth, findUnsafeJsonValues, MAX_JSON_DEPTH } from './json-body-checks';
