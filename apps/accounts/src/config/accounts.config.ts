import Joi from 'joi';
import { type AccountsEnv, accountsEnvSchema } from '@subledger/accounts-feature';
import {
  type CommonConfig,
  commonConfigSchema,
  type KafkaConfig,
  kafkaConfigSchema,
  portSchema,
  type PostgresConfig,
  postgresConfigSchema,
} from '@subledger/platform';

export interface AccountsConfig extends CommonConfig, KafkaConfig, PostgresConfig, AccountsEnv {
  PORT: number;
}

export const accountsConfigSchema = Joi.object<AccountsConfig>({
  ...commonConfigSchema,
  ...kafkaConfigSchema,
  ...postgresConfigSchema('accounts'),
  ...accountsEnvSchema,
  PORT: portSchema(3001),
});
