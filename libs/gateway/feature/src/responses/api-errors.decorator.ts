import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyResponse } from './error.response';

const MEANING: Record<number, string> = {
  400: 'invalid_request: every bad field in details.errors',
  401: 'invalid_api_key',
  402: 'credit_limit_exceeded or insufficient_balance',
  403: 'forbidden_for_sub_account or account_inactive',
  404: 'not found',
  409: 'conflict (idempotency, uniqueness or lifecycle)',
  503: 'upstream_timeout: the request may or may not have been applied',
};

/** Documents the error answers of a route, each with the SPEC §3 error body. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: MEANING[status] ?? 'error', type: ErrorBodyResponse })),
  );
}
