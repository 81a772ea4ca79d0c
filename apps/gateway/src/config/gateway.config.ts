import Joi from 'joi';
import { type GatewayEnv, gatewayEnvSchema } from '@subledger/gateway-feature';
import {
  adminTokenSchema,
  type CommonConfig,
  commonConfigSchema,
  type KafkaConfig,
  kafkaConfigSchema,
  portSchema,
  type PostgresConfig,
  postgresConfigSchema,
} from '@subledger/platform';

/** The gateway keeps its idempotency records in PostgreSQL, so replicas share them. */
export interface GatewayConfig extends CommonConfig, KafkaConfig, PostgresConfig, GatewayEnv {
  PORT: number;
  ADMIN_TOKEN: string;
}

export const gatewayConfigSchema = Joi.object<GatewayConfig>({
  ...commonConfigSchema,
  ...kafkaConfigSchema,
  ...postgresConfigSchema('gateway'),
  ...gatewayEnvSchema,
  PORT: portSchema(3000),
  ADMIN_TOKEN: adminTokenSchema.required(),
});
