export {
  effectiveIdempotencyKey,
  IDEMPOTENCY_KEY_HEADER,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from './effective-idempotency-key';
export { IDEMPOTENCY_CLEANUP_MS, IdempotencyCleanup } from './idempotency-cleanup';
export { idempotencyKeyReused, requestInProgress } from './idempotency-errors';
export { IdempotencyKey, IdempotencyKeyBodyField, IDEMPOTENCY_KEY_PROPERTY } from './idempotency-key.decorator';
export { IdempotencyInterceptor } from './idempotency.interceptor';
export { IdempotencyStore, type IdempotencyRecord, type StoredResponse } from './idempotency.store';
export { REPLAYED_HEADER } from './replayed-response';
export { canonicalJson, requestFingerprint } from './request-fingerprint';
