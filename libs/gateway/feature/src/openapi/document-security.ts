import type { OpenAPIObject } from '@nestjs/swagger';
import type { AuthRequirement } from '../shared/auth-requirement.decorator';

export const API_KEY_SCHEME = 'api-key';
export const ADMIN_TOKEN_SCHEME = 'admin-token';

type Operation = { operationId?: string; security?: unknown[]; responses?: Record<string, unknown> };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** docs/contract.md §3's error body, shared by every error response of the document. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', example: 'invalid_request' },
    message: { type: 'string' },
    details: {
      type: 'object',
      additionalProperties: true,
      description: 'For invalid_request: { errors: [{ path, message }] }.',
    },
  },
};

/**
 * Completes the generated document from the routes' RequireAuth metadata, so no route can forget
 * it: each protected operation gets its security scheme and, unless the route documents them
 * itself, the 401/403/429 answers of the auth guard and rate limiter; every operation documents
 * the error body as its default answer.
 */
export function documentSecurity(
  document: OpenAPIObject,
  requirements: ReadonlyMap<string, AuthRequirement>,
): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA } };
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      responses.default ??= errorResponse('An error: `{ code, message, details }` (docs/contract.md §3).');
      const requirement = operation.operationId ? requirements.get(operation.operationId) : undefined;
      if (requirement) secure(operation, responses, requirement);
    }
  }
  return document;
}

const INVALID_API_KEY = '`invalid_api_key`: missing, malformed, unknown or revoked key.';

/** What the auth guard answers for each requirement; a Record, so a new requirement cannot be forgotten. */
const AUTH_ANSWERS: Readonly<Record<AuthRequirement, { scheme: string; unauthorized: string; forbidden?: string }>> = {
  admin: { scheme: ADMIN_TOKEN_SCHEME, unauthorized: '`invalid_admin_token`: missing or wrong operator token.' },
  'api-key': {
    scheme: API_KEY_SCHEME,
    unauthorized: INVALID_API_KEY,
    forbidden: '`account_inactive`: the account is suspended.',
  },
  'main-account': {
    scheme: API_KEY_SCHEME,
    unauthorized: INVALID_API_KEY,
    forbidden: '`account_inactive` or `forbidden_for_sub_account`.',
  },
};

function secure(operation: Operation, responses: Record<string, unknown>, requirement: AuthRequirement): void {
  const { scheme, unauthorized, forbidden } = AUTH_ANSWERS[requirement];
  // RequireAuth is what the guard enforces, so it decides: a route's own ApiBearerAuth('bearer') would
  // name a scheme the document does not declare.
  operation.security = [{ [scheme]: [] }];
  responses['401'] ??= errorResponse(unauthorized);
  if (forbidden) responses['403'] ??= errorResponse(forbidden);
  responses['429'] ??= errorResponse('`rate_limited`: see Retry-After and the X-RateLimit-* headers.');
}
