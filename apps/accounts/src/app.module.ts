import { Module } from '@nestjs/common';
import { postgresServiceModules } from '@subledger/platform';
import { accountsConfigSchema } from './config/accounts.config';

@Module({ imports: [...postgresServiceModules('accounts', accountsConfigSchema)] })
export class AccountsAppModule {}
