import Joi from 'joi';
import { type AccountsEnv, accountsEnvSchema } from '@subledger/accounts-feature';
import { type DistributedServiceConfig, distributedServiceConfigSchema } from '@subledger/platform';

export interface AccountsConfig extends DistributedServiceConfig, AccountsEnv {}

export const accountsConfigSchema = Joi.object<AccountsConfig>({
  ...distributedServiceConfigSchema('accounts', 3001),
  ...accountsEnvSchema,
});
