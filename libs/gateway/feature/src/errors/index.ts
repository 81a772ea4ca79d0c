export type { ErrorBody, ErrorResponse } from './error-body';
export { errorResponseOf } from './error-response';
export { flattenValidationErrors, invalidRequest, joinPath, type FieldError } from './field-error';
export { GatewayExceptionFilter } from './gateway-exception.filter';
export { createGatewayValidationPipe, gatewayValidationOptions } from './gateway-validation';
