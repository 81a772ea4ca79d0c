import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { type Clock, CLOCK } from '@subledger/platform';
import { callerOf, type RequestWithCaller } from '../auth/caller';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { ApiError } from '../shared/api-error';
import { rateLimitHeaders } from './rate-limit-headers';

/** Counters live under this prefix in Redis, one per API key (and one for the operator). */
export const RATE_LIMIT_KEY_PREFIX = 'subledger:rate-limit';

/** After a storage failure, how long before the next one is logged again. */
const STORAGE_WARNING_INTERVAL_MS = 10_000;

/**
 * @nestjs/throttler with the gateway's rules: it runs after authentication and counts per API key
 * (the key's digest) across all routes, or per operator token; public routes are not limited. It
 * writes docs/contract.md §3's headers itself (throttler's own differ in the reset unit) and refuses with 429
 * `rate_limited`. When the shared storage (Redis) is unreachable it lets requests through and
 * says so in the log: rate limiting protects capacity, it is not worth refusing paying traffic.
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  private lastStorageWarningAt = Number.NEGATIVE_INFINITY;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: GatewayMetrics,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || !callerOf(context.switchToHttp().getRequest<RequestWithCaller>());
  }

  protected override async getTracker(request: RequestWithCaller): Promise<string> {
    const caller = callerOf(request);
    if (!caller) throw new Error('Rate limiting a request without a caller');
    return caller.kind === 'admin' ? 'admin' : `key:${caller.digest}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${RATE_LIMIT_KEY_PREFIX}:${throttlerName}:${tracker}`;
  }

  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    blockDuration,
    getTracker,
    generateKey,
  }: ThrottlerRequest): Promise<boolean> {
    const { req, res } = this.getRequestResponse(context);
    const name = throttler.name ?? 'default';
    const key = generateKey(context, await getTracker(req, context), name);
    let hit;
    try {
      hit = await this.storageService.increment(key, ttl, limit, blockDuration, name);
    } catch (error) {
      this.warnStorageFailure(error);
      return true;
    }
    for (const [header, value] of Object.entries(rateLimitHeaders(limit, hit, this.clock.now())))
      this.setResponseHeader(res, header, value);
    if (hit.isBlocked) {
      this.metrics.rateLimited.inc({ caller: callerOf(req)?.kind === 'admin' ? 'operator' : 'api_key' });
      throw new ApiError(
        429,
        'rate_limited',
        `Too many requests: at most ${limit} per ${Math.round(ttl / 1000)} seconds per API key.`,
        {
          limit,
          retryAfterSeconds: Math.max(1, hit.timeToBlockExpire),
        },
      );
    }
    return true;
  }

  private warnStorageFailure(error: unknown): void {
    const now = this.clock.now();
    if (now - this.lastStorageWarningAt < STORAGE_WARNING_INTERVAL_MS) return;
    this.lastStorageWarningAt = now;
    this.logger.warn(`Rate-limit storage failed, requests pass unlimited meanwhile: ${(error as Error).message}`);
  }
}
