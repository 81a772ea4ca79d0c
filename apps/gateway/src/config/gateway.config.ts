import Joi from 'joi';
import { adminTokenSchema, type CommonConfig, commonConfigSchema, kafkaBrokersSchema, portSchema } from '@subledger/platform';

export interface GatewayConfig extends CommonConfig {
  PORT: number;
  KAFKA_BROKERS: string;
  ADMIN_TOKEN: string;
  REQUEST_TIMEOUT_MS: number;
}

export const gatewayConfigSchema = Joi.object<GatewayConfig>({
  ...commonConfigSchema,
  PORT: portSchema(3000),
  KAFKA_BROKERS: kafkaBrokersSchema.required(),
  ADMIN_TOKEN: adminTokenSchema.required(),
  REQUEST_TIMEOUT_MS: Joi.number().integer().min(100).max(60000).default(5000),
});
