export { FixedWindowThrottlerStorage } from './fixed-window.storage';
export { GatewayThrottlerGuard, RATE_LIMIT_KEY_PREFIX } from './gateway-throttler.guard';
export { rateLimitHeaders, type RateLimitHit } from './rate-limit-headers';
export { gatewayThrottlerOptions, RATE_LIMIT_WINDOW_MS } from './throttler-options';
