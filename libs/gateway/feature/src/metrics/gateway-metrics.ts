import { Injectable } from '@nestjs/common';
import { counterMetric } from '@subledger/platform';

/** The gateway's own counters beside the HTTP histogram every app has (docs/deployment.md, "Metrics"). */
@Injectable()
export class GatewayMetrics {
  /** Requests answered with the stored response of an earlier one with the same Idempotency-Key. */
  readonly idempotentReplays = counterMetric({
    name: 'subledger_idempotent_replays_total',
    help: 'Requests answered with the stored response of an earlier request with the same Idempotency-Key',
    labelNames: ['route'] as const,
  });

  /** Requests refused with 429 `rate_limited`, by who was limited: an API key or the operator token. */
  readonly rateLimited = counterMetric({
    name: 'subledger_rate_limited_requests_total',
    help: 'Requests refused with 429 rate_limited',
    labelNames: ['caller'] as const,
  });

  constructor() {
    // Both series exist from the start, so that a rate over them reads 0 rather than nothing.
    for (const caller of ['api_key', 'operator']) this.rateLimited.inc({ caller }, 0);
  }
}
