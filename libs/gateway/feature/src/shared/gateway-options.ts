/** Settings of the gateway module, from the app's validated configuration. */
export interface GatewayOptions {
  adminToken: string;
  /** Deadline of a request to the accounts or ledger service; past it the client gets 503 `upstream_timeout`. */
  requestTimeoutMs: number;
  rateLimitPerMinute: number;
  /** Shared rate-limit counters across gateway replicas when set; in memory otherwise. */
  redisUrl?: string;
  /** Path of the price list JSON (default `config/prices.json`). */
  pricesFile: string;
  /** How long idempotency records are kept (at least 24 h). */
  idempotencyRetentionMs: number;
  /** The built ops dashboard served at /ops (default dist/apps/ops-dashboard/src, from the working directory). */
  opsDashboardDir?: string;
}

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');
