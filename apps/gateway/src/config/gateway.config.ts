import Joi from 'joi';
import { type GatewayEnv, gatewayEnvSchema } from '@subledger/gateway-feature';
import { adminTokenSchema, type DistributedServiceConfig, distributedServiceConfigSchema } from '@subledger/platform';

/** The gateway keeps its idempotency records in PostgreSQL, so replicas share them. */
export interface GatewayConfig extends DistributedServiceConfig, GatewayEnv {
  ADMIN_TOKEN: string;
}

export const gatewayConfigSchema = Joi.object<GatewayConfig>({
  ...distributedServiceConfigSchema('gateway', 3000),
  ...gatewayEnvSchema,
  ADMIN_TOKEN: adminTokenSchema.required(),
});
