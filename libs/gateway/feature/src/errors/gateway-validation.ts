import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { flattenValidationErrors, invalidRequest } from './field-error';

/**
 * The validation every gateway DTO gets (global pipe): DTO instances for handlers, unknown fields
 * refused rather than dropped (docs/contract.md §3), a value that is not an object of the DTO refused, and every
 * failure reported at once as 400 `invalid_request` with `details.errors = [{ path, message }]`.
 */
export const gatewayValidationOptions: ValidationPipeOptions = {
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: false,
  exceptionFactory: (errors) => invalidRequest(flattenValidationErrors(errors)),
};

export function createGatewayValidationPipe(): ValidationPipe {
  return new ValidationPipe(gatewayValidationOptions);
}
