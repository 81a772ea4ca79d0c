import type { Paramtype, Type } from '@nestjs/common';
import { err, ok, type Result } from '@subledger/kernel';
import { createGatewayValidationPipe } from '../../errors';
import { ApiError } from '../../shared';
import type { FieldError } from '../../errors';

/**
 * Runs a plain value through the gateway's global validation pipe, as Nest would for a body or a
 * query: the DTO instance it produces, or the `details.errors` of the 400 it throws.
 */
export async function validateRequest<T>(
  dto: Type<T>,
  value: unknown,
  type: Paramtype = 'body',
): Promise<Result<T, FieldError[]>> {
  try {
    const transformed = (await createGatewayValidationPipe().transform(value, { type, metatype: dto })) as T;
    return ok(transformed);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'invalid_request') throw error;
    return err(error.details['errors'] as FieldError[]);
  }
}

/** The paths named by a failed validation, for tables of expected refusals. */
export async function invalidPaths(dto: Type<unknown>, value: unknown, type: Paramtype = 'body'): Promise<string[]> {
  const result = await validateRequest(dto, value, type);
  return result.ok ? [] : [...new Set(result.error.map((error) => error.path))];
}
