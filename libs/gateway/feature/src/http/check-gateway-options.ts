import type { GatewayOptions } from '../shared/gateway-options';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Refuses settings the gateway cannot keep its promises with, naming each one. The apps validate
 * their environment first; this guards every other way of building the options (tests, scripts).
 */
export function checkGatewayOptions(options: GatewayOptions): GatewayOptions {
  const problems: string[] = [];
  if (!options.adminToken) problems.push('adminToken must be set');
  if (!(Number.isFinite(options.requestTimeoutMs) && options.requestTimeoutMs > 0))
    problems.push('requestTimeoutMs must be a positive number');
  if (!(Number.isSafeInteger(options.rateLimitPerMinute) && options.rateLimitPerMinute > 0))
    problems.push('rateLimitPerMinute must be a positive integer');
  if (!(options.idempotencyRetentionMs >= DAY_MS))
    problems.push('idempotencyRetentionMs must be at least 24 hours (docs/contract.md §3)');
  if (problems.length > 0) throw new Error(`Invalid gateway options: ${problems.join('; ')}`);
  return options;
}
