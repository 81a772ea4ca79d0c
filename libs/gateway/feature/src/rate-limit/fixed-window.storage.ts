import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Clock } from '@subledger/platform';
import type { RateLimitHit } from './rate-limit-headers';

interface Counter {
  hits: number;
  /** Epoch ms when the window ends, and when a block ends (0: not blocked). */
  windowEndsAt: number;
  blockEndsAt: number;
}

/**
 * In-memory rate-limit counters that count exactly like the Redis storage's script (INCR with an
 * expiry per window; past the limit, a block for blockDuration, after which counting starts again
 * at 1), in constant time per request. @nestjs/throttler's own in-memory storage keeps every hit's
 * expiry and filters that list on each request: measured at 84 us per request with 1,000 hits in
 * the window and 1.8 ms with 100,000, where one busy key at 5,000 requests/s holds 300,000.
 * Expired counters are swept at most once per window, in the request that finds one due.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly counters = new Map<string, Counter>();
  private nextSweepAt = 0;

  constructor(private readonly clock: Clock) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateLimitHit> {
    const now = this.clock.now();
    this.sweep(now, ttl);
    const id = `${key}:${throttlerName}`;
    let counter = this.counters.get(id);
    if (
      !counter ||
      (counter.windowEndsAt <= now && counter.blockEndsAt <= now) ||
      (counter.blockEndsAt !== 0 && counter.blockEndsAt <= now)
    ) {
      counter = { hits: 0, windowEndsAt: now + ttl, blockEndsAt: 0 };
      this.counters.set(id, counter);
    } else if (counter.windowEndsAt <= now) {
      counter.hits = 0;
      counter.windowEndsAt = now + ttl;
    }
    counter.hits += 1;
    if (counter.blockEndsAt === 0 && counter.hits > limit) counter.blockEndsAt = now + blockDuration;
    const isBlocked = counter.blockEndsAt !== 0;
    return {
      totalHits: counter.hits,
      timeToExpire: Math.ceil((counter.windowEndsAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((counter.blockEndsAt - now) / 1000) : 0,
    };
  }

  private sweep(now: number, ttl: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + ttl;
    for (const [id, counter] of this.counters)
      if (counter.windowEndsAt <= now && counter.blockEndsAt <= now) this.counters.delete(id);
  }
}
