import Joi from 'joi';
import { type AccountsEnv, accountsEnvSchema } from '@subledger/accounts-feature';
import { type GatewayEnv, gatewayEnvSchema } from '@subledger/gateway-feature';
import { adminTokenSchema, type CommonConfig, commonConfigSchema, portSchema } from '@subledger/platform';

export interface EmbeddedConfig extends CommonConfig, GatewayEnv, AccountsEnv {
  PORT: number;
  DATA_DIR: string;
  ADMIN_TOKEN?: string;
}

export const embeddedConfigSchema = Joi.object<EmbeddedConfig>({
  ...commonConfigSchema,
  ...gatewayEnvSchema,
  ...accountsEnvSchema,
  PORT: portSchema(3000),
  DATA_DIR: Joi.string().default('./data'),
  ADMIN_TOKEN: adminTokenSchema.optional(),
});
