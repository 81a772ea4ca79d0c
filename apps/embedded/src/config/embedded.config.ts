import Joi from 'joi';
import { adminTokenSchema, type CommonConfig, commonConfigSchema, portSchema } from '@subledger/platform';

export interface EmbeddedConfig extends CommonConfig {
  PORT: number;
  DATA_DIR: string;
  ADMIN_TOKEN?: string;
  REQUEST_TIMEOUT_MS: number;
  RATE_LIMIT_PER_MINUTE: number;
  REDIS_URL?: string;
  PRICES_FILE: string;
  IDEMPOTENCY_RETENTION_HOURS: number;
  DELIVERY_FAILURE_RATE: number;
  DELIVERY_STEP_DELAY_MS: number;
  DELETION_RETENTION_DAYS: number;
  DELETION_SWEEP_INTERVAL_MS: number;
}

export const embeddedConfigSchema = Joi.object<EmbeddedConfig>({
  ...commonConfigSchema,
  PORT: portSchema(3000),
  DATA_DIR: Joi.string().default('./data'),
  ADMIN_TOKEN: adminTokenSchema.optional(),
  REQUEST_TIMEOUT_MS: Joi.number().integer().min(100).max(60000).default(5000),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(600),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).optional(),
  PRICES_FILE: Joi.string().default('config/prices.json'),
  IDEMPOTENCY_RETENTION_HOURS: Joi.number().min(24).default(24),
  DELIVERY_FAILURE_RATE: Joi.number().min(0).max(1).default(0.02),
  DELIVERY_STEP_DELAY_MS: Joi.number().integer().min(0).default(1000),
  DELETION_RETENTION_DAYS: Joi.number().integer().min(1).default(14),
  DELETION_SWEEP_INTERVAL_MS: Joi.number().integer().min(1000).default(60000),
});
