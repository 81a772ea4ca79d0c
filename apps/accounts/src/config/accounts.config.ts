import Joi from 'joi';
import { type CommonConfig, commonConfigSchema, kafkaBrokersSchema, portSchema, postgresUrlSchema } from '@subledger/platform';

export interface AccountsConfig extends CommonConfig {
  PORT: number;
  KAFKA_BROKERS: string;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
}

export const accountsConfigSchema = Joi.object<AccountsConfig>({
  ...commonConfigSchema,
  PORT: portSchema(3001),
  KAFKA_BROKERS: kafkaBrokersSchema.required(),
  DATABASE_URL: postgresUrlSchema.required(),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(100).default(10),
});
