import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Clock } from '@subledger/platform';
import type { GatewayOptions } from '../shared/gateway-options';
import { FixedWindowThrottlerStorage } from './fixed-window.storage';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * One throttler: `rateLimitPerMinute` per 60 s. Counters are shared through Redis when the gateway
 * has a `redisUrl` (every replica counts against the same limit), in memory otherwise, counted the
 * same way (FixedWindowThrottlerStorage). The Redis client gives up on a command after one
 * reconnection attempt rather than holding it until Redis is back, so an outage delays a request by
 * milliseconds, not by its deadline (the guard then lets it through). The storage owns that client
 * and closes it with the module.
 */
export function gatewayThrottlerOptions(options: GatewayOptions, clock: Clock): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: RATE_LIMIT_WINDOW_MS, limit: options.rateLimitPerMinute }],
    setHeaders: false,
    storage: options.redisUrl
      ? new ThrottlerStorageRedisService(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
      : new FixedWindowThrottlerStorage(clock),
  };
}
