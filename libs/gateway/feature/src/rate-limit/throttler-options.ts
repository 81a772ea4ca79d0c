import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { GatewayOptions } from '../shared/gateway-options';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * One throttler: `rateLimitPerMinute` per 60 s. Counters are shared through Redis when the gateway
 * has a `redisUrl` (every replica counts against the same limit), in memory otherwise. The Redis
 * client fails a command after one retry instead of queueing it while disconnected, so an outage
 * costs a request a few milliseconds, not its deadline. The storage owns that client and closes it
 * with the module.
 */
export function gatewayThrottlerOptions(options: GatewayOptions): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: RATE_LIMIT_WINDOW_MS, limit: options.rateLimitPerMinute }],
    setHeaders: false,
    storage: options.redisUrl ? new ThrottlerStorageRedisService(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 }) : undefined,
  };
}
