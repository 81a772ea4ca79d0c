import Joi from 'joi';
import { adminTokenSchema, type CommonConfig, commonConfigSchema, portSchema } from '@subledger/platform';

export interface EmbeddedConfig extends CommonConfig {
  PORT: number;
  DATA_DIR: string;
  ADMIN_TOKEN?: string;
}

export const embeddedConfigSchema = Joi.object<EmbeddedConfig>({
  ...commonConfigSchema,
  PORT: portSchema(3000),
  DATA_DIR: Joi.string().default('./data'),
  ADMIN_TOKEN: adminTokenSchema.optional(),
});
