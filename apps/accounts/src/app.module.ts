import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  type AccountsEnv,
  accountsEnvSchema,
  accountsMigrations,
  AccountsModule,
  accountsOptionsFromEnv,
} from '@subledger/accounts-feature';
import { configValues, postgresServiceModules } from '@subledger/platform';
import { accountsConfigSchema } from './config/accounts.config';

@Module({
  imports: [
    ...postgresServiceModules('accounts', accountsConfigSchema, [accountsMigrations]),
    AccountsModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        accountsOptionsFromEnv(configValues<AccountsEnv>(config, accountsEnvSchema)),
    }),
  ],
})
export class AccountsAppModule {}
