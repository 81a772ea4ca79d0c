import Joi from 'joi';
import { DEFAULT_OPS_DASHBOARD_DIR } from '../ops-page/ops-page-assets';
import type { GatewayOptions } from '../shared/gateway-options';

/** The environment settings of the gateway module, shared by the embedded and distributed apps. */
export interface GatewayEnv {
  REQUEST_TIMEOUT_MS: number;
  RATE_LIMIT_PER_MINUTE: number;
  REDIS_URL?: string;
  PRICES_FILE: string;
  IDEMPOTENCY_RETENTION_HOURS: number;
  OPS_DASHBOARD_DIR: string;
}

export const gatewayEnvSchema = {
  REQUEST_TIMEOUT_MS: Joi.number().integer().min(100).max(60000).default(5000),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(600),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .optional(),
  PRICES_FILE: Joi.string().default('config/prices.json'),
  IDEMPOTENCY_RETENTION_HOURS: Joi.number().min(24).default(24),
  OPS_DASHBOARD_DIR: Joi.string().default(DEFAULT_OPS_DASHBOARD_DIR),
};

const HOUR_MS = 60 * 60 * 1000;

export function gatewayOptionsFromEnv(env: GatewayEnv, adminToken: string): GatewayOptions {
  return {
    adminToken,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    redisUrl: env.REDIS_URL,
    pricesFile: env.PRICES_FILE,
    idempotencyRetentionMs: env.IDEMPOTENCY_RETENTION_HOURS * HOUR_MS,
    opsDashboardDir: env.OPS_DASHBOARD_DIR,
  };
}
