import { ApiError } from '../shared/api-error';

export const idempotencyKeyReused = () =>
  new ApiError(
    409,
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different request; use a new key for a new request.',
  );

export const requestInProgress = () =>
  new ApiError(
    409,
    'request_in_progress',
    'A request with this Idempotency-Key is still being processed; retry once it has finished.',
  );
