import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

/** The request property where the idempotency interceptor leaves the effective key of a POST. */
export const IDEMPOTENCY_KEY_PROPERTY = 'subledgerIdempotencyKey';

export type RequestWithIdempotencyKey = { [IDEMPOTENCY_KEY_PROPERTY]?: string };

/**
 * The effective idempotency key of this POST (the `Idempotency-Key` header, or the body field the
 * route names with IdempotencyKeyBodyField), or undefined when the client sent none. Handlers derive
 * deterministic ids from it (a charge id, a top-up id), so a retry whose record was released (after
 * a 5xx or an expired lease) still lands on the same ledger operation.
 */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<RequestWithIdempotencyKey>()[IDEMPOTENCY_KEY_PROPERTY],
);

export const IDEMPOTENCY_BODY_FIELD = 'subledger:idempotency-body-field';

/**
 * Lets a POST route take its idempotency key from a body field as well as from the header (docs/contract.md §3:
 * `idempotencyKey` on `POST /v1/messages`). When both are sent, the header wins.
 */
export const IdempotencyKeyBodyField = (field = 'idempotencyKey') => SetMetadata(IDEMPOTENCY_BODY_FIELD, field);
