/** What a throttler storage answers for one hit (@nestjs/throttler's ThrottlerStorageRecord; times in seconds). */
export interface RateLimitHit {
  readonly totalHits: number;
  readonly timeToExpire: number;
  readonly isBlocked: boolean;
  readonly timeToBlockExpire: number;
}

/**
 * docs/contract.md §3 rate-limit headers: the limit, what is left of it, when the window resets (epoch
 * milliseconds, unlike throttler's own seconds-to-go) and, on a refusal, Retry-After in seconds.
 * The storages count in whole seconds, so the reset time is exact to the second.
 */
export function rateLimitHeaders(limit: number, hit: RateLimitHit, now: number): Record<string, string> {
  const secondsToReset = hit.isBlocked ? Math.max(hit.timeToExpire, hit.timeToBlockExpire) : hit.timeToExpire;
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(hit.isBlocked ? 0 : Math.max(0, limit - hit.totalHits)),
    'X-RateLimit-Reset': String(now + Math.max(0, secondsToReset) * 1000),
  };
  if (hit.isBlocked) headers['Retry-After'] = String(Math.max(1, hit.timeToBlockExpire));
  return headers;
}
