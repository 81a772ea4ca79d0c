import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The statuses a route answers beyond those of the auth guard and rate limiter (documented for every route). */
export type DocumentedStatus = 400 | 402 | 403 | 404 | 409 | 502 | 503;

export const INVALID_REQUEST = '`invalid_request`: every bad field in `details.errors` as `{path, message}`.';
export const SUB_ACCOUNT_NOT_FOUND =
  '`sub_account_not_found`: not a sub-account of your team (the main account included).';
export const TEAM_NOT_FOUND = '`team_not_found`.';
export const IDEMPOTENCY_CONFLICT =
  '`idempotency_key_reused` (another request with this key) or `request_in_progress`.';

/** Every route asks another service: it may not answer in time, or refuse what it was forwarded. */
export const UPSTREAM_ERRORS: Partial<Record<DocumentedStatus, string>> = {
  502: '`upstream_refused`: a service refused a change another forwarded to it.',
  503: '`upstream_timeout`: a service did not answer in time; the request may or may not have been applied.',
};

/**
 * Documents a route's own error answers, each with the docs/contract.md §3 error body (the `Error` schema the
 * gateway's OpenAPI setup declares) and the codes it can carry.
 */
export function ApiErrors(errors: Partial<Record<DocumentedStatus, string>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, schema: { $ref: '#/components/schemas/Error' } }),
    ),
  );
}
